import type { Tensor } from '@lassonet/backend';
import { type Features, type Loss, ModelError, meanSquaredError, r2Score } from '@lassonet/model';
import { BaseLassoNet } from '../estimator.js';
import { allRows, fixedRows, type HostTargets, plainTargets } from '../hostData.js';
import { type LassoNetOptions, regressorSchema } from '../options.js';

/** Regression targets: one number per row, or one row of outputs per row (multi-output). */
export type RegressionY =
  | readonly number[]
  | readonly (readonly number[])[]
  | Float32Array
  | Float64Array
  | Tensor;

type Rows = Float32Array | number[][];

/**
 * LassoNet for regression: mean squared error, any number of outputs; `score` is R²
 * (averaged over outputs). `predict` returns one number per row, or rows for multi-output y.
 */
export class LassoNetRegressor extends BaseLassoNet<RegressionY, Rows> {
  readonly kind = 'regressor';
  private multiOutput = false;

  constructor(options?: LassoNetOptions) {
    super(options, regressorSchema);
  }

  predict(X: Features): number[] | number[][] {
    const { values, n, k } = this.outputs(X);
    if (k === 1 && !this.multiOutput) return Array.from(values);
    return Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * k, (i + 1) * k)));
  }

  /** R² of the predictions (averaged over outputs). */
  score(X: Features, y: RegressionY): number {
    const predicted = this.predict(X);
    const truth = allRows(this.readTargets(y, predicted.length, 'y'));
    return r2Score(truth, predicted);
  }

  protected readTargets(y: RegressionY, n: number, name: string): HostTargets<Rows> {
    const plain = plainTargets(y, n, name);
    if (Array.isArray(plain[0])) {
      const width = (plain[0] as unknown[]).length;
      if (width === 0) throw new ModelError('EMPTY', `${name}[0] has no outputs.`);
      const rows = fixedRows(plain, width, name, `a row of ${width} numbers`);
      checkFinite(rows.flat(), name);
      return { n, rows: (index) => index.map((i) => rows[i] as number[]) };
    }
    const values = Float32Array.from(plain as number[]);
    for (let i = 0; i < values.length; i++) {
      if (typeof plain[i] !== 'number') {
        throw new ModelError(
          'SHAPE_MISMATCH',
          `${name}[${i}] must be a number, got ${JSON.stringify(plain[i])}.`,
        );
      }
    }
    checkFinite(values, name);
    return { n, rows: (index) => Float32Array.from(index, (i) => values[i] as number) };
  }

  protected nOutputs(y: HostTargets<Rows>): number {
    const first = y.rows([0]);
    return first instanceof Float32Array ? 1 : (first[0] as number[]).length;
  }

  protected override onFit(y: HostTargets<Rows>): void {
    this.multiOutput = !(y.rows([0]) instanceof Float32Array);
  }

  protected loss(): Loss<Rows> {
    return meanSquaredError();
  }
}

function checkFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) {
      throw new ModelError(
        'NON_FINITE',
        `${name} has ${String(values[i])} (value ${i}); targets must be finite.`,
      );
    }
  }
}
