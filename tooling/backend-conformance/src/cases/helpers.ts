// Small tools the cases share: moving matrices in and results out without leaking tensors.
import type { Tensor } from '@lassonet/backend';
import type { Matrix } from '../matrix.js';
import { Random } from '../random.js';
import { fromMatrix, read, type TensorData } from '../tensorData.js';
import type { CaseResult, ConformanceCase, TF } from '../types.js';

/** A case whose results `results` computes on `tf`, drawing its inputs from `seed`'s stream. */
export function seededCase(
  name: string,
  seed: number,
  results: (tf: TF, rng: Random) => Promise<CaseResult[]>,
): ConformanceCase {
  return {
    name,
    async run(tf) {
      return { results: await results(tf, new Random(seed)) };
    },
  };
}

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

/** What the backend computes in `f`, read back beside the `expected` reference. */
export async function compared(
  tf: TF,
  label: string,
  f: () => Tensor,
  expected: TensorData,
): Promise<CaseResult> {
  return { label, actual: await evaluate(tf, f), expected };
}

/** An operation on one matrix, as the backend computes it. */
export type MatrixOp = (tf: TF, x: Tensor) => Tensor;

/** Labelled input matrices, drawn from a case's generator. */
export type LabelledInputs = (rng: Random) => [label: string, x: Matrix][];

/** A case comparing the backend's `op(x)` with the float64 `reference(x)` on every input. */
export function matrixOpCase(
  name: string,
  seed: number,
  inputs: LabelledInputs,
  op: MatrixOp,
  reference: (x: Matrix) => Matrix,
): ConformanceCase {
  return seededCase(name, seed, async (tf, rng) => {
    const results: CaseResult[] = [];
    for (const [label, x] of inputs(rng)) {
      results.push(
        await compared(tf, label, () => op(tf, toTensor(tf, x)), fromMatrix(reference(x))),
      );
    }
    return results;
  });
}
