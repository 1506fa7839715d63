import type { MessagePort } from 'node:worker_threads';
import type { WorkerBackend } from '@lassonet/backend';
import type { ChannelMemory } from './sharedChannel.js';

/**
 * The messages between a network and its helper thread (see `RowSplitThread`), as kinds of
 * `SharedChannel` messages. Weights and gradients travel as one array per tensor: skip, then
 * each layer's weight and bias, row-major in the tfjs [in, out] orientation.
 */
export const Request = {
  /**
   * ints [id, n, nFeatures], arrays [rows, ...the target part's arrays], text: the target
   * part's other fields as JSON, when the loss gives parts. Keeps them as batch `id` until DROP.
   */
  LOAD: 1,
  /** ints [id]. */
  DROP: 2,
  /** ints [id, wide, ...dims], arrays [weights]: outputs of batch `id`, kept for BACKWARD. */
  FORWARD: 3,
  /** arrays [d loss / d outputs]: the weight gradients of the last forward pass. */
  BACKWARD: 4,
  CLOSE: 5,
  /**
   * ints [id, wide, evalId, ...dims], arrays [weights]: the gradients of the loss on batch `id`,
   * and with evalId >= 0 the loss on batch `evalId` too.
   */
  GRADIENTS: 6,
} as const;

export const Reply = {
  DONE: 10,
  /** arrays [outputs]. */
  OUT: 11,
  /** arrays [gradients] (and [the loss], when asked for). */
  GRADIENTS: 12,
  /** text: what went wrong. */
  ERROR: 13,
} as const;

/** What the helper thread is started with. */
export interface RowSplitWorkerData {
  port: MessagePort;
  memory: ChannelMemory;
  backend: WorkerBackend;
  spinMs: number;
}
