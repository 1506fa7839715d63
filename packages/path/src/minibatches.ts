import type { Random } from '@lassonet/core';
import type { Batch, HostMatrix, LassoNet, Loss } from '@lassonet/model';
import { type HostTargets, takeRows } from './hostData.js';

/**
 * Minibatches of the training rows: every epoch a new seeded shuffle, cut into batches of
 * `batchSize`; the last, partial batch is dropped (as upstream does).
 */
export class Minibatches {
  private readonly random: Random;

  constructor(
    private readonly net: LassoNet,
    private readonly X: HostMatrix,
    private readonly y: HostTargets<unknown>,
    private readonly loss: Loss<unknown>,
    private readonly batchSize: number,
    random: Random,
  ) {
    this.random = random;
  }

  /** The batches of one epoch; each is the caller's to dispose. */
  *epoch(): Generator<Batch> {
    const n = this.X.shape[0];
    const order = this.random.permutation(n);
    for (let start = 0; start + this.batchSize <= n; start += this.batchSize) {
      const rows = order.slice(start, start + this.batchSize);
      yield this.net.prepare(takeRows(this.X, rows), this.y.rows(rows), this.loss);
    }
  }
}
