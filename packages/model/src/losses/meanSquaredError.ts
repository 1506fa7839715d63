import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';
import type { Loss, LossGradient, Target, TargetPart } from './target.js';

/** Regression targets: one number per sample (one output) or one row per sample. */
export type RegressionTargets = readonly number[] | readonly (readonly number[])[] | Float32Array;

/** Mean squared error over every sample and output (PyTorch's MSELoss). Score: R². */
export function meanSquaredError(): Loss<RegressionTargets> {
  return {
    kind: 'mse',
    target: (y, nOutputs) => {
      const rows = regressionMatrix(y, nOutputs);
      return new MseTarget(rows.values, nOutputs, rows.n);
    },
  };
}

export class MseTarget implements Target {
  readonly kind = 'mse' as const;
  readonly n: number;
  readonly nOutputs: number;
  readonly needsLogSigma = false;
  private readonly y: Tensor2D;

  /** `batchRows`: the rows of the whole batch, which the loss is the mean over. */
  constructor(
    private readonly values: Float32Array,
    nOutputs: number,
    private readonly batchRows: number,
  ) {
    this.n = values.length / nOutputs;
    this.nOutputs = nOutputs;
    this.y = tf.tensor2d(values, [this.n, nOutputs]);
  }

  /** The rows of a `part`: their mean stays over the whole batch. */
  static fromPart({ arrays, nOutputs, numbers }: TargetPart): MseTarget {
    return new MseTarget(arrays[0] as Float32Array, nOutputs, numbers[0] as number);
  }

  part(from: number, to: number): TargetPart {
    const k = this.nOutputs;
    return {
      kind: this.kind,
      nOutputs: k,
      arrays: [this.values.slice(from * k, to * k)],
      numbers: [this.batchRows],
    };
  }

  loss(out: Tensor2D): Scalar {
    return tf.tidy(() => this.mean(tf.squaredDifference(out, this.y) as Tensor2D));
  }

  lossAndGradient(out: Tensor2D): LossGradient {
    return tf.tidy(() => {
      const diff = tf.sub(out, this.y);
      const loss = this.mean(tf.square(diff) as Tensor2D);
      return { loss, gradOut: this.gradientFrom(diff as Tensor2D) };
    });
  }

  outputGradient(out: Tensor2D): { gradOut: Tensor2D } {
    return tf.tidy(() => ({ gradOut: this.gradientFrom(tf.sub(out, this.y) as Tensor2D) }));
  }

  /** The mean over the whole batch's entries (a part's share of it). */
  private mean(squares: Tensor2D): Scalar {
    return (
      this.n === this.batchRows
        ? tf.mean(squares)
        : tf.div(tf.sum(squares), this.batchRows * this.nOutputs)
    ) as Scalar;
  }

  private gradientFrom(diff: Tensor2D): Tensor2D {
    return tf.mul(diff, 2 / (this.batchRows * this.nOutputs)) as Tensor2D;
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
