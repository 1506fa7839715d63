// The helper thread of a network that trains on two threads: it keeps the second half of each
// batch's rows and runs the forward and backward passes on them when the network asks.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { type Tensor1D, type Tensor2D, tf, useWorkerBackend } from '@lassonet/backend';
import {
  ActiveColumns,
  type ActiveWeights,
  activeFromArrays,
  disposeActive,
} from '../activeRows.js';
import {
  backward,
  type ForwardCache,
  forward,
  type Gradients,
  type Params,
  type WithOnes,
  withOnes,
} from '../forwardBackward.js';
import type { Target, TargetPart } from '../losses/target.js';
import { targetFromPart } from '../losses/targetFromPart.js';
import { Reply, Request, type RowSplitWorkerData } from './rowSplitProtocol.js';
import { type ChannelMessage, SharedChannel } from './sharedChannel.js';

const { port, memory, backend, spinMs } = workerData as RowSplitWorkerData;
const channel = new SharedChannel(port, memory, 1, receiveMessageOnPort, spinMs);

interface Rows {
  X: Tensor2D;
  Xt: Tensor2D;
  /** [X | 1] and its transpose, made by the first backward pass on these rows (null: not tall). */
  ones?: WithOnes | null;
  /** X's columns for the active features (see `forward`). */
  columns: ActiveColumns;
  /** The loss on these rows, when the loss can be split by rows. */
  target: Target | undefined;
}
const batches = new Map<number, Rows>();
let pending: { rows: Rows; params: Params; cache: ForwardCache } | undefined;

/** The weights of the features still in the model, found as the network finds them. */
function activeOf(
  dims: readonly number[],
  values: readonly Float32Array[],
): ActiveWeights | undefined {
  if (dims.length < 3) return undefined;
  return activeFromArrays(values[0] as Float32Array, values[1] as Float32Array, dims[0] as number);
}

/** `forward` on a batch's rows, on the active features when `active` is given. */
function forwardOn(
  rows: Rows,
  params: Params,
  wide: boolean,
  active: ActiveWeights | undefined,
): ForwardCache {
  const input = rows.columns.input(rows.X, active);
  return forward(params, rows.X, undefined, wide ? rows.Xt : undefined, input);
}

/** Tensors of the weights; copies, as the arrays are views of the channel's memory. */
function paramsOf(dims: readonly number[], values: readonly Float32Array[]): Params {
  const at = (k: number) => (values[k] as Float32Array).slice();
  const layers: Params['layers'][number][] = [];
  for (let l = 0; l + 1 < dims.length; l++) {
    const shape: [number, number] = [dims[l] as number, dims[l + 1] as number];
    layers.push({
      weight: tf.tensor2d(at(1 + 2 * l), shape),
      bias: tf.tensor1d(at(2 + 2 * l)) as Tensor1D,
    });
  }
  const nOutputs = dims[dims.length - 1] as number;
  return { skip: tf.tensor2d(at(0), [dims[0] as number, nOutputs]), layers };
}

function disposeParams(params: Params): void {
  tf.dispose([params.skip, ...params.layers.flatMap((l) => [l.weight, l.bias])]);
}

function clearPending(): void {
  if (pending === undefined) return;
  disposeParams(pending.params);
  tf.dispose([pending.cache.out, ...pending.cache.activations]);
  pending = undefined;
}

/** The reply with the gradients `run` computes, in the order of the weights. */
function gradientsReply(run: () => Gradients): ChannelMessage {
  const tensors = tf.tidy(() => {
    const grads = run();
    return [grads.skip, ...grads.layers.flatMap((l) => [l.weight, l.bias])];
  });
  // Read outside tidy, which would walk every element of arrays it is given back.
  const values = tensors.map((t) => t.dataSync() as Float32Array);
  tf.dispose(tensors);
  return { kind: Reply.GRADIENTS, ints: [], arrays: values };
}

function done(): ChannelMessage {
  return { kind: Reply.DONE, ints: [], arrays: [] };
}

/** The rows' [X | 1], made once (see `withOnes`). */
function onesOf(rows: Rows): WithOnes | null {
  if (rows.ones === undefined) rows.ones = withOnes(rows.X);
  return rows.ones;
}

function disposeRows(rows: Rows): void {
  tf.dispose([rows.X, rows.Xt, ...(rows.ones ? [rows.ones.x, rows.ones.xT] : [])]);
  rows.columns.dispose();
  rows.target?.dispose();
}

function rowsOf(id: number): Rows {
  const rows = batches.get(id);
  if (rows === undefined) throw new Error(`batch ${id} is not loaded`);
  return rows;
}

function targetOf(rows: Rows, id: number): Target {
  if (rows.target === undefined) throw new Error(`batch ${id} has no target`);
  return rows.target;
}

/** The loss on batch `id` under `params`, as a one-number array. */
function lossOn(
  id: number,
  params: Params,
  wide: boolean,
  active: ActiveWeights | undefined,
): Float32Array {
  const rows = rowsOf(id);
  const target = targetOf(rows, id);
  const loss = tf.tidy(() => target.loss(forwardOn(rows, params, wide, active).out));
  const value = Float32Array.from(loss.dataSync());
  loss.dispose();
  return value;
}

function handle({ kind, ints, arrays, text }: ChannelMessage): ChannelMessage {
  switch (kind) {
    case Request.LOAD: {
      const [id, n, nFeatures] = ints as [number, number, number];
      const X = tf.tensor2d((arrays[0] as Float32Array).slice(), [n, nFeatures]);
      let target: Target | undefined;
      if (text !== undefined) {
        const fields = JSON.parse(text) as Omit<TargetPart, 'arrays'>;
        target = targetFromPart({ ...fields, arrays: arrays.slice(1).map((a) => a.slice()) });
      }
      batches.set(id, { X, Xt: tf.transpose(X), columns: new ActiveColumns(), target });
      return done();
    }
    case Request.DROP: {
      const rows = batches.get(ints[0] as number);
      if (rows !== undefined) disposeRows(rows);
      batches.delete(ints[0] as number);
      return done();
    }
    case Request.GRADIENTS: {
      clearPending();
      const [id, wide, evalId, ...dims] = ints as [number, number, number, ...number[]];
      const rows = rowsOf(id);
      const target = targetOf(rows, id);
      const params = paramsOf(dims, arrays);
      const active = activeOf(dims, arrays);
      try {
        const reply = gradientsReply(() => {
          const cache = forwardOn(rows, params, wide === 1, active);
          const { gradOut } =
            target.outputGradient !== undefined
              ? target.outputGradient(cache.out)
              : target.lossAndGradient(cache.out);
          return backward(params, rows.X, rows.Xt, cache, gradOut, undefined, onesOf(rows));
        });
        if (evalId >= 0) reply.arrays.push(lossOn(evalId, params, wide === 1, active));
        return reply;
      } finally {
        disposeParams(params);
        disposeActive(active);
      }
    }
    case Request.FORWARD: {
      clearPending();
      const [id, wide, ...dims] = ints as [number, number, ...number[]];
      const rows = rowsOf(id);
      const params = paramsOf(dims, arrays);
      const active = activeOf(dims, arrays);
      let cache: ForwardCache;
      try {
        cache = tf.tidy(() => {
          const c = forwardOn(rows, params, wide === 1, active);
          return { out: c.out, activations: c.activations } as unknown as tf.TensorContainer;
        }) as unknown as ForwardCache;
      } catch (error) {
        disposeParams(params);
        throw error;
      } finally {
        disposeActive(active);
      }
      pending = { rows, params, cache };
      return { kind: Reply.OUT, ints: [], arrays: [cache.out.dataSync() as Float32Array] };
    }
    case Request.BACKWARD: {
      if (pending === undefined) throw new Error('a backward pass without a forward pass');
      const { rows, params, cache } = pending;
      try {
        return gradientsReply(() => {
          const gradOut = tf.tensor2d((arrays[0] as Float32Array).slice(), cache.out.shape);
          return backward(params, rows.X, rows.Xt, cache, gradOut, undefined, onesOf(rows));
        });
      } finally {
        clearPending();
      }
    }
    case Request.CLOSE:
      return done();
    default:
      throw new Error(`unknown request ${kind}`);
  }
}

try {
  await useWorkerBackend(backend);
  parentPort?.postMessage({ ready: true });
} catch (error) {
  parentPort?.postMessage({
    ready: false,
    message: error instanceof Error ? error.message : String(error),
  });
  process.exit(0);
}
// From here on the thread only answers requests, blocking between them.
for (;;) {
  const request = channel.receive(Number.POSITIVE_INFINITY) as ChannelMessage;
  let reply: ChannelMessage;
  try {
    reply = handle(request);
  } catch (error) {
    clearPending();
    const text = error instanceof Error ? error.message : String(error);
    reply = { kind: Reply.ERROR, ints: [], arrays: [], text };
  }
  channel.send(reply);
  if (request.kind === Request.CLOSE) break;
}
for (const rows of batches.values()) disposeRows(rows);
channel.close();
