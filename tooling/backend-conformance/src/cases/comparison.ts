// Comparisons (bool results, compared exactly) and tf.where. Small integers make many exact
// ties, which is where greater and greaterEqual differ.
import type { Tensor } from '@lassonet/backend';
import { integerMatrix, normalMatrix } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import { Random } from '../random.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase, TF } from '../types.js';
import { evaluate, toTensor } from './helpers.js';

function comparisonCase(
  name: string,
  seed: number,
  op: (tf: TF, a: Tensor, b: Tensor) => Tensor,
  reference: (a: Matrix, b: Matrix) => Matrix,
): ConformanceCase {
  return {
    name,
    async run(tf) {
      const rng = new Random(seed);
      const a = integerMatrix(rng, 37, 23, -2, 2);
      const b = integerMatrix(rng, 37, 23, -2, 2);
      const rowVector = integerMatrix(rng, 1, 23, -2, 2);
      return {
        results: [
          {
            label: 'same shape [37, 23]',
            actual: await evaluate(tf, () => op(tf, toTensor(tf, a), toTensor(tf, b))),
            expected: fromMatrix(reference(a, b), 'bool'),
          },
          {
            label: 'row vector [1, 23] on the right',
            actual: await evaluate(tf, () => op(tf, toTensor(tf, a), toTensor(tf, rowVector))),
            expected: fromMatrix(reference(a, rowVector), 'bool'),
          },
        ],
      };
    },
  };
}

const whereCase: ConformanceCase = {
  name: 'where',
  async run(tf) {
    const rng = new Random(905);
    const a = normalMatrix(rng, 37, 23);
    const b = normalMatrix(rng, 37, 23);
    const cond = integerMatrix(rng, 37, 23, 0, 1);
    return {
      results: [
        {
          label: 'bool tensor condition',
          actual: await evaluate(tf, () =>
            tf.where(
              tf.tensor2d(Uint8Array.from(cond.data), [37, 23], 'bool'),
              toTensor(tf, a),
              toTensor(tf, b),
            ),
          ),
          expected: fromMatrix(ref.where(cond, a, b)),
        },
        {
          // The usual pattern: select by a comparison computed on the backend.
          label: 'condition from greater(a, b), i.e. elementwise max',
          actual: await evaluate(tf, () => {
            const [ta, tb] = [toTensor(tf, a), toTensor(tf, b)];
            return tf.where(tf.greater(ta, tb), ta, tb);
          }),
          expected: fromMatrix(ref.where(ref.greater(a, b), a, b)),
        },
      ],
    };
  },
};

export const comparisonCases: readonly ConformanceCase[] = [
  comparisonCase('greater', 901, (tf, a, b) => tf.greater(a, b), ref.greater),
  comparisonCase('greaterEqual', 902, (tf, a, b) => tf.greaterEqual(a, b), ref.greaterEqual),
  comparisonCase('less', 903, (tf, a, b) => tf.less(a, b), ref.less),
  comparisonCase('equal', 904, (tf, a, b) => tf.equal(a, b), ref.equal),
  whereCase,
];
