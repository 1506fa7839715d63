import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';
import type { Loss, LossGradient, Target } from './target.js';

/** Regression targets: one number per sample (one output) or one row per sample. */
export type RegressionTargets = readonly number[] | readonly (readonly number[])[] | Float32Array;

/** Mean squared error over every sample and output (PyTorch's MSELoss). Score: R². */
export function meanSquaredError(): Loss<RegressionTargets> {
  return { kind: 'mse', target: (y, nOutputs) => new MseTarget(y, nOutputs) };
}

class MseTarget implements Target {
  readonly kind = 'mse' as const;
  readonly n: number;
  readonly nOutputs: number;
  readonly needsLogSigma = false;
  private readonly y: Tensor2D;

  constructor(y: RegressionTargets, nOutputs: number) {
    const rows = regressionMatrix(y, nOutputs);
    this.n = rows.n;
    this.nOutputs = nOutputs;
    this.y = tf.tensor2d(rows.values, [rows.n, nOutputs]);
  }

  loss(out: Tensor2D): Scalar {
    return tf.tidy(() => tf.mean(tf.squaredDifference(out, this.y)) as Scalar);
  }

  lossAndGradient(out: Tensor2D): LossGradient {
    return tf.tidy(() => {
      const diff = tf.sub(out, this.y);
      const loss = tf.mean(tf.square(diff)) as Scalar;
      return { loss, gradOut: this.gradientFrom(diff as Tensor2D) };
    });
  }

  outputGradient(out: Tensor2D): { gradOut: Tensor2D } {
    return tf.tidy(() => ({ gradOut: this.gradientFrom(tf.sub(out, this.y) as Tensor2D) }));
  }

  private gradientFrom(diff: Tensor2D): Tensor2D {
    return tf.mul(diff, 2 / (this.n * this.nOutputs)) as Tensor2D;
  }

  dispose(): void {
    this.y.dispose();
  }
}

function regressionMatrix(
  y: RegressionTargets,
  nOutputs: number,
): { values: Float32Array; n: number } {
  if (!Array.isArray(y) && !(y instanceof Float32Array)) {
    throw new ModelError('SHAPE_MISMATCH', 'y must be an array of numbers or of rows.');
  }
  const n = y.length;
  if (n === 0) throw new ModelError('EMPTY', 'y is empty.');
  const values = new Float32Array(n * nOutputs);
  for (let i = 0; i < n; i++) {
    const row = y[i];
    if (typeof row === 'number') {
      if (nOutputs !== 1) {
        throw new ModelError(
          'SHAPE_MISMATCH',
          `y holds one number per sample but the network has ${nOutputs} outputs; give rows of ${nOutputs}.`,
        );
      }
      values[i] = row;
    } else if (Array.isArray(row) && row.length === nOutputs) {
      values.set(row, i * nOutputs);
    } else {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `y[${i}] must hold ${nOutputs} value${nOutputs === 1 ? '' : 's'} (one per output).`,
      );
    }
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) {
      throw new ModelError(
        'NON_FINITE',
        `y has ${String(values[i])} at sample ${Math.floor(i / nOutputs)}.`,
      );
    }
  }
  return { values, n };
}
