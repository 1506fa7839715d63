// Moving data without arithmetic: transpose, concat and slice.
import { normalMatrix } from '../inputs.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

const transposeCase = seededCase('transpose', 1001, async (tf, rng) => {
  const x = normalMatrix(rng, 37, 23);
  const v = normalMatrix(rng, 1, 41);
  const transposed = (label: string, m: typeof x) =>
    compared(tf, label, () => tf.transpose(toTensor(tf, m)), fromMatrix(ref.transpose(m)));
  return [await transposed('[37, 23]', x), await transposed('[1, 41]', v)];
});

const concatCase = seededCase('concat', 1002, async (tf, rng) => {
  const x = normalMatrix(rng, 37, 23);
  const below = normalMatrix(rng, 5, 23);
  const right = normalMatrix(rng, 37, 4);
  const joined = (label: string, other: typeof x, axis: 0 | 1) =>
    compared(
      tf,
      label,
      () => tf.concat([toTensor(tf, x), toTensor(tf, other)], axis),
      fromMatrix(ref.concat(x, other, axis)),
    );
  return [
    await joined('[37, 23] and [5, 23] on axis 0', below, 0),
    await joined('[37, 23] and [37, 4] on axis 1', right, 1),
  ];
});

const sliceCase = seededCase('slice', 1003, async (tf, rng) => {
  const x = normalMatrix(rng, 37, 23);
  // `expectedSize` is the size the slice has: `size` may say -1, "to the end".
  const sliced = (
    label: string,
    begin: [number, number],
    size: [number, number],
    expectedSize = size,
  ) =>
    compared(
      tf,
      label,
      () => tf.slice(toTensor(tf, x), begin, size),
      fromMatrix(ref.slice(x, begin, expectedSize)),
    );
  return [
    await sliced('[10, 7] block at [3, 5]', [3, 5], [10, 7]),
    await sliced('rows 30.. and all columns, size [-1, -1]', [30, 0], [-1, -1], [7, 23]),
    await sliced('one column [37, 1] at column 22', [0, 22], [37, 1]),
  ];
});

export const shapeCases: readonly ConformanceCase[] = [transposeCase, concatCase, sliceCase];
