import type { MessagePort } from 'node:worker_threads';

/** `receiveMessageOnPort` of node:worker_threads: a message read without the event loop. */
export type ReceiveOnPort = (port: MessagePort) => { message: unknown } | undefined;

/** A message: its kind, a few integers and float arrays (views into shared memory). */
export interface ChannelMessage {
  kind: number;
  ints: number[];
  arrays: Float32Array[];
  /** Text, for the rare messages that carry some (errors). */
  text?: string;
}

/** What both sides of a channel are made from. */
export interface ChannelMemory {
  /** The two sides' message counts. */
  counters: SharedArrayBuffer;
  /** Header and arrays of the message in flight; replaced by a larger one when needed. */
  buffer: SharedArrayBuffer;
}

// The message header, in 32-bit words: kind, number of ints, number of arrays, the ints, the
// arrays' lengths.
const KIND = 0;
const N_INTS = 1;
const N_ARRAYS = 2;
const ITEMS = 3;
const MAX_ITEMS = 253;
const HEADER_BYTES = (ITEMS + MAX_ITEMS) * 4;

/**
 * Blocking messages between two threads through shared memory: the sender writes a message
 * into a SharedArrayBuffer and counts it; the receiver spins for a while, then sleeps on the count
 * (Atomics.wait). A thread whose event loop is held by a synchronous training step can so
 * exchange weights and gradients every step in microseconds, where postMessage takes about
 * 100 µs for a small network's weights. The sides take turns: a message's arrays stay valid
 * until the receiver sends its own. A larger buffer, or a text, goes through the MessagePort,
 * posted before the count moves.
 */
export class SharedChannel {
  private readonly counters: Int32Array;
  private header!: Int32Array;
  private data!: Float32Array;
  private received = 0;

  constructor(
    private readonly port: MessagePort,
    memory: ChannelMemory,
    private readonly side: 0 | 1,
    private readonly receiveOnPort: ReceiveOnPort,
    /**
     * How long to spin for a message before sleeping. Waking a sleeping thread costs tens of
     * microseconds, a large share of a small network's step.
     */
    private readonly spinMs = 1,
  ) {
    this.counters = new Int32Array(memory.counters);
    this.use(memory.buffer);
  }

  /** Memory for a new channel with room for `floats` floats per message. */
  static memory(floats: number): ChannelMemory {
    return {
      counters: new SharedArrayBuffer(8),
      buffer: new SharedArrayBuffer(HEADER_BYTES + 4 * floats),
    };
  }

  send({ kind, ints, arrays, text }: ChannelMessage): void {
    this.sendInPlace(
      kind,
      ints,
      arrays.map((a) => a.length),
      (views) => {
        views.forEach((view, i) => {
          view.set(arrays[i] as Float32Array);
        });
      },
      text,
    );
  }

  /** Sends a message whose arrays `fill` writes straight into shared memory. */
  sendInPlace(
    kind: number,
    ints: readonly number[],
    lengths: readonly number[],
    fill: (views: Float32Array[]) => void,
    text?: string,
  ): void {
    if (ints.length + lengths.length > MAX_ITEMS) {
      throw new RangeError(`A message has at most ${MAX_ITEMS} ints and arrays.`);
    }
    const floats = lengths.reduce((total, n) => total + n, 0);
    let buffer: SharedArrayBuffer | undefined;
    if (floats > this.data.length) {
      buffer = new SharedArrayBuffer(HEADER_BYTES + 4 * Math.max(floats, 2 * this.data.length));
      this.use(buffer);
    }
    let offset = 0;
    fill(
      lengths.map((n) => {
        const view = this.data.subarray(offset, offset + n);
        offset += n;
        return view;
      }),
    );
    const h = this.header;
    h[KIND] = kind;
    h[N_INTS] = ints.length;
    h[N_ARRAYS] = lengths.length;
    ints.forEach((x, i) => {
      h[ITEMS + i] = x;
    });
    lengths.forEach((n, i) => {
      h[ITEMS + ints.length + i] = n;
    });
    if (buffer !== undefined || text !== undefined) this.port.postMessage({ buffer, text });
    Atomics.add(this.counters, this.side, 1);
    Atomics.notify(this.counters, this.side);
  }

  /** The other side's next message; `undefined` when none came within `timeoutMs`. */
  receive(timeoutMs: number): ChannelMessage | undefined {
    if (!this.wait(timeoutMs)) return undefined;
    this.received++;
    let text: string | undefined;
    for (;;) {
      const extra = this.receiveOnPort(this.port)?.message as
        | { buffer?: SharedArrayBuffer; text?: string }
        | undefined;
      if (extra === undefined) break;
      if (extra.buffer !== undefined) this.use(extra.buffer);
      if (extra.text !== undefined) text = extra.text;
    }
    const h = this.header;
    const nInts = h[N_INTS] as number;
    const ints = Array.from(h.subarray(ITEMS, ITEMS + nInts));
    const arrays: Float32Array[] = [];
    let offset = 0;
    for (let i = 0; i < (h[N_ARRAYS] as number); i++) {
      const n = h[ITEMS + nInts + i] as number;
      arrays.push(this.data.subarray(offset, offset + n));
      offset += n;
    }
    return { kind: h[KIND] as number, ints, arrays, ...(text === undefined ? {} : { text }) };
  }

  close(): void {
    this.port.close();
  }

  /** Waits until the other side has sent a message this side has not read. */
  private wait(timeoutMs: number): boolean {
    const other = 1 - this.side;
    const start = performance.now();
    for (;;) {
      const sent = Atomics.load(this.counters, other);
      if (sent > this.received) return true;
      const waited = performance.now() - start;
      if (waited >= timeoutMs) return false;
      if (waited >= this.spinMs) {
        Atomics.wait(this.counters, other, sent, Math.min(timeoutMs - waited, 1000));
      }
    }
  }

  private use(buffer: SharedArrayBuffer): void {
    this.header = new Int32Array(buffer, 0, ITEMS + MAX_ITEMS);
    this.data = new Float32Array(buffer, HEADER_BYTES);
  }
}
