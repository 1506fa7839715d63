// Operations producing int32 indices or one-hot codes, compared exactly.
import { distinctMatrix } from '../inputs.js';
import * as ref from '../reference.js';
import { fromMatrix, fromVector } from '../tensorData.js';
import type { ConformanceCase } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

const oneHotCase = seededCase('oneHot', 1101, async (tf, rng) => {
  const labels = Array.from({ length: 37 }, () => rng.int(0, 6));
  return [
    await compared(
      tf,
      '37 labels, depth 7',
      () => tf.oneHot(tf.tensor1d(labels, 'int32'), 7),
      fromMatrix(ref.oneHot(labels, 7), 'int32'),
    ),
  ];
});

const argMaxCase = seededCase('argMax', 1102, async (tf, rng) => {
  // Distinct values: with ties, backends may legitimately pick different indices.
  const x = distinctMatrix(rng, 37, 23);
  const argMax = (axis: 0 | 1) =>
    compared(
      tf,
      `axis ${axis} of [37, 23]`,
      () => tf.argMax(toTensor(tf, x), axis),
      fromVector(ref.argMax(x, axis), 'int32'),
    );
  return [await argMax(0), await argMax(1)];
});

export const indexCases: readonly ConformanceCase[] = [oneHotCase, argMaxCase];
