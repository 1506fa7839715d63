import { type Tensor, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from './errors.js';

/** A feature matrix: rows of numbers, a flat Float32Array with its shape, or a 2-D tensor. */
export type Features =
  | readonly (readonly number[])[]
  | { data: Float32Array | Float64Array | readonly number[]; shape: readonly [number, number] }
  | Tensor2D;

/** A feature matrix on the host: row-major values and [rows, columns]. */
export interface HostMatrix {
  data: Float32Array;
  shape: [number, number];
}

/**
 * Checks a feature matrix (non-empty, rectangular, `nFeatures` columns when given, finite) and
 * returns it as a float32 tensor the caller owns. A tensor argument is checked and cloned, never
 * taken over.
 */
export function featureTensor(X: Features, nFeatures?: number, name = 'X'): Tensor2D {
  if (X instanceof tf.Tensor) return checkTensor(X, nFeatures, name);
  const { data, shape } = hostFeatures(X, nFeatures, name);
  return tf.tensor2d(data, shape);
}

/**
 * The same checks as `featureTensor`, with the values kept on the host (a tensor is read back).
 * Float32 input is not copied: the result may share the caller's array.
 */
export function hostFeatures(X: Features, nFeatures?: number, name = 'X'): HostMatrix {
  if (X instanceof tf.Tensor) {
    const t = checkTensor(X, nFeatures, name);
    const data = t.dataSync() as Float32Array;
    const shape = t.shape as [number, number];
    t.dispose();
    return { data, shape };
  }
  let values: ArrayLike<number>;
  let n: number;
  let d: number;
  if (Array.isArray(X)) {
    const rows = X as readonly (readonly number[])[];
    n = rows.length;
    if (n === 0) throw new ModelError('EMPTY', `${name} has no rows.`);
    d = (rows[0] as readonly number[] | undefined)?.length ?? 0;
    const flat = new Float32Array(n * d);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== d) {
        throw new ModelError(
          'SHAPE_MISMATCH',
          `${name} must be rectangular: row 0 has ${d} values, row ${i} has ${Array.isArray(row) ? row.length : 'none'}.`,
        );
      }
      flat.set(row, i * d);
    });
    values = flat;
  } else if (typeof X === 'object' && X !== null && 'data' in X && 'shape' in X) {
    [n, d] = X.shape;
    if (X.data.length !== n * d) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${name}.data has ${X.data.length} values but shape [${n}, ${d}] needs ${n * d}.`,
      );
    }
    values = X.data;
  } else {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${name} must be number[][], { data, shape } or a 2-D tensor.`,
    );
  }
  if (n === 0 || d === 0) throw new ModelError('EMPTY', `${name} is empty (shape [${n}, ${d}]).`);
  checkColumns(d, nFeatures, name);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i] as number)) {
      throw new ModelError(
        'NON_FINITE',
        `${name} has ${String(values[i])} at row ${Math.floor(i / d)}, column ${i % d}.`,
      );
    }
  }
  const data = values instanceof Float32Array ? values : Float32Array.from(values);
  return { data, shape: [n, d] };
}

function checkColumns(d: number, nFeatures: number | undefined, name: string): void {
  if (nFeatures !== undefined && d !== nFeatures) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${name} has ${d} columns but the network has nFeatures = ${nFeatures}.`,
    );
  }
}

function checkTensor(X: Tensor, nFeatures: number | undefined, name: string): Tensor2D {
  if (X.rank !== 2) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${name} must be 2-D, got shape [${X.shape.join(', ')}].`,
    );
  }
  const [n, d] = X.shape as [number, number];
  if (n === 0 || d === 0) throw new ModelError('EMPTY', `${name} is empty (shape [${n}, ${d}]).`);
  checkColumns(d, nFeatures, name);
  const finite = tf.tidy(() => tf.all(tf.isFinite(X)));
  const ok = finite.dataSync()[0] === 1;
  finite.dispose();
  if (!ok) throw new ModelError('NON_FINITE', `${name} contains NaN or Infinity.`);
  return tf.cast(X, 'float32') as Tensor2D;
}
