import type { Tensor } from '@lassonet/backend';
import {
  concordanceIndex,
  type Features,
  type IntervalTargets,
  intervalLogNormal,
  type LassoNet,
  type Loss,
  ModelError,
} from '@lassonet/model';
import { BaseLassoNet } from '../estimator.js';
import { allRows, fixedRows, type HostTargets, plainTargets, rowTargets } from '../hostData.js';
import { type LassoNetOptions, regressorSchema } from '../options.js';

/**
 * Interval-censored targets, one row per sample: [u, v, d1, d2, d3] with exactly one indicator
 * set: d1 left-censored (T <= u), d2 interval-censored (u < T <= v), d3 right-censored (T > v).
 */
export type IntervalY = readonly (readonly number[])[] | Tensor;

/**
 * LassoNet for interval-censored survival times: a log-normal accelerated failure time model
 * whose network predicts the mean log time and learns log(sigma) beside the weights. `score` is
 * the concordance index of the predicted times against v, with right-censored rows censored.
 */
export class LassoNetIntervalRegressor extends BaseLassoNet<IntervalY, number[][]> {
  readonly kind = 'interval';

  constructor(options?: LassoNetOptions) {
    super(options, regressorSchema);
  }

  /** The predicted mean log survival time of each row. */
  predict(X: Features): number[] {
    return Array.from(this.outputs(X).values);
  }

  /** Concordance of -predict (a longer predicted time is a lower risk) with v, events = 1 - d3. */
  score(X: Features, y: IntervalY): number {
    const predicted = this.predict(X);
    const rows = allRows(this.readTargets(y, predicted.length, 'y'));
    return concordanceIndex(
      predicted.map((p) => -p),
      rows.map((r) => r[1] as number),
      rows.map((r) => 1 - (r[4] as number)),
    );
  }

  protected override get logSigma(): boolean {
    return true;
  }

  protected readTargets(y: IntervalY, n: number, name: string): HostTargets<number[][]> {
    const plain = plainTargets(y, n, name);
    const rows = fixedRows(plain, 5, name, '[u, v, d1, d2, d3]');
    // The loss checks the intervals and indicators, naming the row as y[i]; do it on every row
    // at once, under this argument's name.
    try {
      intervalLogNormal()
        .target(rows as IntervalTargets, 1)
        .dispose();
    } catch (error) {
      if (error instanceof ModelError && name !== 'y') {
        throw new ModelError(error.code, error.message.replace(/^y\b/, name));
      }
      throw error;
    }
    return rowTargets(rows);
  }

  protected nOutputs(): number {
    return 1;
  }

  protected override checkLoaded(net: LassoNet): void {
    this.requireOutputs(net, net.config.nOutputs === 1, 'one (the mean log time)');
  }

  protected loss(): Loss<number[][]> {
    return intervalLogNormal();
  }
}
