// Comparisons (bool results, compared exactly) and tf.where. Small integers make many exact
// ties, which is where greater and greaterEqual differ.
import type { Tensor } from '@lassonet/backend';
import { integerMatrix, normalMatrix } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase, TF } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

function comparisonCase(
  name: string,
  seed: number,
  op: (tf: TF, a: Tensor, b: Tensor) => Tensor,
  reference: (a: Matrix, b: Matrix) => Matrix,
): ConformanceCase {
  return seededCase(name, seed, async (tf, rng) => {
    const a = integerMatrix(rng, 37, 23, -2, 2);
    const b = integerMatrix(rng, 37, 23, -2, 2);
    const rowVector = integerMatrix(rng, 1, 23, -2, 2);
    const compareWith = (label: string, other: Matrix) =>
      compared(
        tf,
        label,
        () => op(tf, toTensor(tf, a), toTensor(tf, other)),
        fromMatrix(reference(a, other), 'bool'),
      );
    return [
      await compareWith('same shape [37, 23]', b),
      await compareWith('row vector [1, 23] on the right', rowVector),
    ];
  });
}

const whereCase = seededCase('where', 905, async (tf, rng) => {
  const a = normalMatrix(rng, 37, 23);
  const b = normalMatrix(rng, 37, 23);
  const cond = integerMatrix(rng, 37, 23, 0, 1);
  return [
    await compared(
      tf,
      'bool tensor condition',
      () =>
        tf.where(
          tf.tensor2d(Uint8Array.from(cond.data), [37, 23], 'bool'),
          toTensor(tf, a),
          toTensor(tf, b),
        ),
      fromMatrix(ref.where(cond, a, b)),
    ),
    // The usual pattern: select by a comparison computed on the backend.
    await compared(
      tf,
      'condition from greater(a, b), i.e. elementwise max',
      () => {
        const [ta, tb] = [toTensor(tf, a), toTensor(tf, b)];
        return tf.where(tf.greater(ta, tb), ta, tb);
      },
      fromMatrix(ref.where(ref.greater(a, b), a, b)),
    ),
  ];
});

export const comparisonCases: readonly ConformanceCase[] = [
  comparisonCase('greater', 901, (tf, a, b) => tf.greater(a, b), ref.greater),
  comparisonCase('greaterEqual', 902, (tf, a, b) => tf.greaterEqual(a, b), ref.greaterEqual),
  comparisonCase('less', 903, (tf, a, b) => tf.less(a, b), ref.less),
  comparisonCase('equal', 904, (tf, a, b) => tf.equal(a, b), ref.equal),
  whereCase,
];
