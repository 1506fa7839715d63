import { tf } from '@lassonet/backend';
import { type HostMatrix, ModelError } from '@lassonet/model';

/** Targets as plain data (one number, or one row of numbers, per sample): they cross threads. */
export type PlainY = number[] | number[][];

/** The rows `index` of a host matrix, copied. */
export function takeRows(m: HostMatrix, index: readonly number[]): HostMatrix {
  const d = m.shape[1];
  const data = new Float32Array(index.length * d);
  index.forEach((i, r) => {
    data.set(m.data.subarray(i * d, (i + 1) * d), r * d);
  });
  return { data, shape: [index.length, d] };
}

/**
 * Targets checked once, kept on the host, and handed to a loss for any subset of rows (the
 * validation split, minibatches, cross-validation folds).
 */
export interface HostTargets<Y> {
  readonly n: number;
  /** The targets of rows `index`, in the form the loss takes. */
  rows(index: readonly number[]): Y;
}

/**
 * y as plain JavaScript values (tensors read back, typed arrays as arrays), checked to hold one
 * entry per row of X.
 */
export function plainTargets(y: unknown, n: number, name: string): unknown[] {
  const plain = plainValues(y, name);
  const xName = name === 'yVal' ? 'XVal' : 'X';
  if (plain.length === 0) throw new ModelError('EMPTY', `${name} is empty.`);
  if (plain.length !== n) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${xName} has ${n} rows but ${name} has ${plain.length}.`,
    );
  }
  return plain;
}

function plainValues(y: unknown, name: string): unknown[] {
  if (y instanceof tf.Tensor) {
    if (y.rank !== 1 && y.rank !== 2) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${name} must be a 1-D or 2-D tensor, got shape [${y.shape.join(', ')}].`,
      );
    }
    return y.arraySync() as unknown[];
  }
  if (ArrayBuffer.isView(y) && !(y instanceof DataView)) {
    return Array.from(y as unknown as ArrayLike<number>);
  }
  if (!Array.isArray(y)) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${name} must be an array or a tensor, got ${String(y)}.`,
    );
  }
  return y;
}

/**
 * Rows of a fixed width (`width` values each, finite unless `allowInfinity`): survival data and
 * multi-output regression. Returns them as number arrays.
 */
export function fixedRows(
  y: readonly unknown[],
  width: number,
  name: string,
  describe: string,
): number[][] {
  return y.map((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${name}[${i}] must be ${describe}, got ${JSON.stringify(row)}.`,
      );
    }
    for (const v of row) {
      if (typeof v !== 'number' || Number.isNaN(v)) {
        throw new ModelError(
          'NON_FINITE',
          `${name}[${i}] has ${String(v)}; values must be numbers.`,
        );
      }
    }
    return [...(row as number[])];
  });
}

/** Every row of the targets. */
export function allRows<Y>(y: HostTargets<Y>): Y {
  return y.rows(Array.from({ length: y.n }, (_, i) => i));
}

/** Row-wise targets of any shape: the subset is a plain selection. */
export function rowTargets<T>(rows: readonly T[]): HostTargets<T[]> {
  return { n: rows.length, rows: (index) => index.map((i) => rows[i] as T) };
}
