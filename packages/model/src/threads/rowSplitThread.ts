import { type Tensor, workerBackend } from '@lassonet/backend';
import { workerExecArgv } from '@lassonet/core';
import { ModelError } from '../errors.js';
import type { TargetPart } from '../losses/target.js';
import { Reply, Request, type RowSplitWorkerData } from './rowSplitProtocol.js';
import { type ChannelMessage, SharedChannel } from './sharedChannel.js';

/** How long a step waits for the helper before it counts as lost. */
const REPLY_TIMEOUT_MS = 60_000;

export const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;

/**
 * A second thread for one network's training steps (Node): it keeps the second half of each
 * batch's rows and runs the forward and backward passes on them while this thread runs the
 * first half, so a step's matrix products use two cores. The calls block (Atomics.wait), as a
 * training step is synchronous. Start one with `RowSplitThread.start()`, give it to
 * `LassoNet.useThread`, and `close()` it when done.
 */
export class RowSplitThread {
  private closed = false;
  private nextId = 0;
  private shared = 0;

  private constructor(
    private readonly channel: SharedChannel,
    private readonly terminate: () => Promise<void>,
  ) {}

  /**
   * Starts the helper on the backend active here. `workerUrl` is the helper script, by default
   * the package's own.
   */
  static async start(
    options: {
      workerUrl?: string | URL;
      /**
       * How long each side spins for the other before sleeping, in ms. Default 1: a sleeping
       * thread wakes tens of microseconds late, a large share of a small network's step.
       */
      spinMs?: number;
    } = {},
  ): Promise<RowSplitThread> {
    if (!isNode) {
      throw new ModelError(
        'THREAD_FAILED',
        'Training one network on two threads needs Node (worker_threads and a blocking wait).',
      );
    }
    const spinMs = options.spinMs ?? 1;
    const backend = workerBackend();
    if (backend === undefined) {
      throw new ModelError(
        'THREAD_FAILED',
        'No tensor backend is active: call useBackend() first.',
      );
    }
    // getBuiltinModule, not import(): browser bundles of this package stay free of node: modules.
    const { Worker, MessageChannel, receiveMessageOnPort } =
      process.getBuiltinModule('node:worker_threads');
    const { fileURLToPath } = process.getBuiltinModule('node:url');
    const script = options.workerUrl ?? new URL('./rowSplitWorker.js', import.meta.url);
    const { port1, port2 } = new MessageChannel();
    const memory = SharedChannel.memory(1 << 16);
    const data: RowSplitWorkerData = {
      port: port2,
      memory,
      backend,
      spinMs,
    };
    const path = String(script).startsWith('file:') ? fileURLToPath(script) : String(script);
    const worker = new Worker(path, {
      workerData: data,
      transferList: [port2],
      execArgv: workerExecArgv(),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (m: { ready: boolean; message?: string }) =>
          m.ready ? resolve() : reject(new Error(m.message)),
        );
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the thread exited with code ${code}`)));
      });
    } catch (error) {
      port1.close();
      await worker.terminate();
      const message = error instanceof Error ? error.message : String(error);
      throw new ModelError('THREAD_FAILED', `The second training thread did not start: ${message}`);
    }
    worker.removeAllListeners();
    // The helper blocks between requests: it never keeps the process alive on its own.
    worker.unref();
    const channel = new SharedChannel(port1, memory, 0, receiveMessageOnPort, spinMs);
    return new RowSplitThread(channel, async () => {
      await worker.terminate();
    });
  }

  /**
   * Gives the helper rows of a batch, with their part of the loss when it splits by rows;
   * returns the id to use them by.
   */
  load(rows: Float32Array, n: number, nFeatures: number, part?: TargetPart): number {
    const id = this.nextId++;
    const message: ChannelMessage = {
      kind: Request.LOAD,
      ints: [id, n, nFeatures],
      arrays: [rows, ...(part?.arrays ?? [])],
    };
    if (part !== undefined) {
      const { arrays: _, ...fields } = part;
      message.text = JSON.stringify(fields);
    }
    this.request(message, Reply.DONE);
    return id;
  }

  drop(id: number): void {
    if (!this.closed) this.request({ kind: Request.DROP, ints: [id], arrays: [] }, Reply.DONE);
  }

  /**
   * Starts the forward pass on batch `id` under the weights `values` (skip, then each layer's
   * weight and bias) for a network of layer sizes `dims`; `forwardResult` waits for its outputs.
   */
  startForward(
    id: number,
    dims: readonly number[],
    values: readonly Tensor[],
    wide: boolean,
  ): void {
    this.sendWeights(Request.FORWARD, [id, wide ? 1 : 0], dims, values);
  }

  /**
   * Starts the gradient of the loss on batch `id` (loaded with its part of the loss) under the
   * weights `values`, and with `evalId` the loss on that batch too; `gradientsResult` waits.
   */
  startGradients(
    id: number,
    dims: readonly number[],
    values: readonly Tensor[],
    wide: boolean,
    evalId?: number,
  ): void {
    this.sendWeights(Request.GRADIENTS, [id, wide ? 1 : 0, evalId ?? -1], dims, values);
  }

  /**
   * The helper's gradients, in the order of the weights, then the loss when it was asked for;
   * views valid until the next request.
   */
  gradientsResult(): Float32Array[] {
    return this.reply(Reply.GRADIENTS).arrays;
  }

  /** The helper's outputs; a view valid until the next request. */
  forwardResult(): Float32Array {
    return this.reply(Reply.OUT).arrays[0] as Float32Array;
  }

  /** Starts the backward pass of the last forward pass, given d loss / d outputs of its rows. */
  startBackward(gradOut: Tensor): void {
    this.checkOpen();
    this.channel.sendInPlace(Request.BACKWARD, [], [gradOut.size], ([view]) => {
      (view as Float32Array).set(gradOut.dataSync() as Float32Array);
    });
  }

  backwardResult(): Float32Array[] {
    return this.gradientsResult();
  }

  /** Stops the helper. Networks that use it go back to one thread. */
  async close(): Promise<void> {
    if (this.closed) {
      await this.terminate();
      return;
    }
    try {
      this.request({ kind: Request.CLOSE, ints: [], arrays: [] }, Reply.DONE);
    } catch {
      // Stopped below either way.
    }
    this.closed = true;
    this.channel.close();
    await this.terminate();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** How many training steps this thread has taken half of so far. */
  get sharedSteps(): number {
    return this.shared;
  }

  /** A request whose ints are `head` then the layer sizes, and whose arrays are the weights. */
  private sendWeights(
    kind: number,
    head: readonly number[],
    dims: readonly number[],
    values: readonly Tensor[],
  ): void {
    this.checkOpen();
    this.shared++;
    this.channel.sendInPlace(
      kind,
      [...head, ...dims],
      values.map((t) => t.size),
      (views) => {
        values.forEach((t, k) => {
          (views[k] as Float32Array).set(t.dataSync() as Float32Array);
        });
      },
    );
  }

  private checkOpen(): void {
    if (this.closed)
      throw new ModelError('THREAD_FAILED', 'The second training thread was closed.');
  }

  private request(message: ChannelMessage, reply: number): void {
    this.checkOpen();
    this.channel.send(message);
    this.reply(reply);
  }

  private reply(kind: number): ChannelMessage {
    const reply = this.channel.receive(REPLY_TIMEOUT_MS);
    if (reply === undefined) {
      this.closed = true;
      throw new ModelError(
        'THREAD_FAILED',
        `The second training thread did not answer within ${REPLY_TIMEOUT_MS / 1000} s.`,
      );
    }
    if (reply.kind === Reply.ERROR) {
      throw new ModelError('THREAD_FAILED', `The second training thread failed: ${reply.text}`);
    }
    if (reply.kind !== kind) {
      this.closed = true;
      throw new ModelError('THREAD_FAILED', `The second training thread answered out of turn.`);
    }
    return reply;
  }
}
