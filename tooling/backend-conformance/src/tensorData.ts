import type { Tensor } from '@lassonet/backend';
import type { Matrix } from './matrix.js';

/** A tensor's contents as plain data: read back from a backend, or computed by a reference. */
export interface TensorData {
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array | Uint8Array | readonly number[];
  /** The tfjs dtype; compared only when both sides state it. */
  readonly dtype?: string;
}

/** Reads a tensor back from the backend (asynchronously, as WebGL needs). Does not dispose it. */
export async function read(t: Tensor): Promise<TensorData> {
  return { shape: [...t.shape], values: await t.data(), dtype: t.dtype };
}

// Expected results state their dtype, so a backend returning floats for argMax (or ints for a
// sum) fails; 'int32' and 'bool' results are also compared exactly.
export function fromMatrix(m: Matrix, dtype = 'float32'): TensorData {
  return { shape: [m.rows, m.cols], values: m.data, dtype };
}

export function fromVector(values: readonly number[], dtype = 'float32'): TensorData {
  return { shape: [values.length], values, dtype };
}

export function fromScalar(value: number, dtype = 'float32'): TensorData {
  return { shape: [], values: [value], dtype };
}
