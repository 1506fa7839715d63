// Small tools the cases share: moving matrices in and results out without leaking tensors.
import type { Tensor } from '@lassonet/backend';
import type { Matrix } from '../matrix.js';
import { fromMatrix, read, type TensorData } from '../tensorData.js';
import type { CaseResult, TF } from '../types.js';

/** A float32 2-D tensor holding `m`. Call inside `tf.tidy`. */
export function toTensor(tf: TF, m: Matrix): Tensor {
  return tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]);
}

/** Runs `f` in a tidy scope, reads its result back and disposes everything it made. */
export async function evaluate(tf: TF, f: () => Tensor): Promise<TensorData> {
  const result = tf.tidy(f);
  try {
    return await read(result);
  } finally {
    result.dispose();
  }
}

/** Like `evaluate`, for operations returning several named tensors (such as `tf.topk`). */
export async function evaluateAll<K extends string>(
  tf: TF,
  f: () => Record<K, Tensor>,
): Promise<Record<K, TensorData>> {
  const results = tf.tidy(f);
  try {
    const entries = await Promise.all(
      Object.entries<Tensor>(results).map(async ([key, t]) => [key, await read(t)] as const),
    );
    return Object.fromEntries(entries) as Record<K, TensorData>;
  } finally {
    for (const t of Object.values<Tensor>(results)) t.dispose();
  }
}

/** The backend's `op(x)` beside the float64 `reference(x)`, for one input matrix. */
export async function matrixOpResult(
  tf: TF,
  label: string,
  x: Matrix,
  op: (tf: TF, x: Tensor) => Tensor,
  reference: (x: Matrix) => Matrix,
): Promise<CaseResult> {
  return {
    label,
    actual: await evaluate(tf, () => op(tf, toTensor(tf, x))),
    expected: fromMatrix(reference(x)),
  };
}
