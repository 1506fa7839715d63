// tf.topk, the suite's sort: distinct values, so values and indices each have one right answer.
import { distinctMatrix } from '../inputs.js';
import { fromFunction, type Matrix, row } from '../matrix.js';
import * as ref from '../reference.js';
import { fromMatrix, fromVector } from '../tensorData.js';
import type { CaseResult } from '../types.js';
import { evaluateAll, seededCase, toTensor } from './helpers.js';

/** The reference top k of every row, as [rows, k] matrices of values and of indices. */
function topkRows(x: Matrix, k: number): { values: Matrix; indices: Matrix } {
  const perRow = Array.from({ length: x.rows }, (_, i) => ref.topk(row(x, i), k));
  const pick = (key: 'values' | 'indices') =>
    fromFunction(x.rows, k, (i, j) => perRow[i]?.[key][j] as number);
  return { values: pick('values'), indices: pick('indices') };
}

export const topkCase = seededCase('topk', 601, async (tf, rng) => {
  const x = distinctMatrix(rng, 37, 23);
  const v = distinctMatrix(rng, 1, 41);
  const results: CaseResult[] = [];
  for (const k of [5, 1, 23]) {
    const actual = await evaluateAll(tf, () => tf.topk(toTensor(tf, x), k, true));
    const expected = topkRows(x, k);
    results.push(
      {
        label: `values, k = ${k} per row of [37, 23]`,
        actual: actual.values,
        expected: fromMatrix(expected.values),
      },
      {
        label: `indices, k = ${k} per row of [37, 23]`,
        actual: actual.indices,
        expected: fromMatrix(expected.indices, 'int32'),
      },
    );
  }
  // A full descending sort of a vector.
  const sorted = await evaluateAll(tf, () =>
    tf.topk(tf.tensor1d(Float32Array.from(v.data)), 41, true),
  );
  const expected = ref.topk(v.data, 41);
  results.push(
    { label: 'sort of [41]: values', actual: sorted.values, expected: fromVector(expected.values) },
    {
      label: 'sort of [41]: indices',
      actual: sorted.indices,
      expected: fromVector(expected.indices, 'int32'),
    },
  );
  return results;
});
