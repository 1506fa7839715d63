// Moving data without arithmetic: transpose, concat and slice.
import { normalMatrix } from '../inputs.js';
import { Random } from '../random.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase } from '../types.js';
import { evaluate, toTensor } from './helpers.js';

const transposeCase: ConformanceCase = {
  name: 'transpose',
  async run(tf) {
    const rng = new Random(1001);
    const x = normalMatrix(rng, 37, 23);
    const v = normalMatrix(rng, 1, 41);
    return {
      results: [
        {
          label: '[37, 23]',
          actual: await evaluate(tf, () => tf.transpose(toTensor(tf, x))),
          expected: fromMatrix(ref.transpose(x)),
        },
        {
          label: '[1, 41]',
          actual: await evaluate(tf, () => tf.transpose(toTensor(tf, v))),
          expected: fromMatrix(ref.transpose(v)),
        },
      ],
    };
  },
};

const concatCase: ConformanceCase = {
  name: 'concat',
  async run(tf) {
    const rng = new Random(1002);
    const x = normalMatrix(rng, 37, 23);
    const below = normalMatrix(rng, 5, 23);
    const right = normalMatrix(rng, 37, 4);
    return {
      results: [
        {
          label: '[37, 23] and [5, 23] on axis 0',
          actual: await evaluate(tf, () => tf.concat([toTensor(tf, x), toTensor(tf, below)], 0)),
          expected: fromMatrix(ref.concat(x, below, 0)),
        },
        {
          label: '[37, 23] and [37, 4] on axis 1',
          actual: await evaluate(tf, () => tf.concat([toTensor(tf, x), toTensor(tf, right)], 1)),
          expected: fromMatrix(ref.concat(x, right, 1)),
        },
      ],
    };
  },
};

const sliceCase: ConformanceCase = {
  name: 'slice',
  async run(tf) {
    const x = normalMatrix(new Random(1003), 37, 23);
    return {
      results: [
        {
          label: '[10, 7] block at [3, 5]',
          actual: await evaluate(tf, () => tf.slice(toTensor(tf, x), [3, 5], [10, 7])),
          expected: fromMatrix(ref.slice(x, [3, 5], [10, 7])),
        },
        {
          // Size -1 means "to the end".
          label: 'rows 30.. and all columns, size [-1, -1]',
          actual: await evaluate(tf, () => tf.slice(toTensor(tf, x), [30, 0], [-1, -1])),
          expected: fromMatrix(ref.slice(x, [30, 0], [7, 23])),
        },
        {
          label: 'one column [37, 1] at column 22',
          actual: await evaluate(tf, () => tf.slice(toTensor(tf, x), [0, 22], [37, 1])),
          expected: fromMatrix(ref.slice(x, [0, 22], [37, 1])),
        },
      ],
    };
  },
};

export const shapeCases: readonly ConformanceCase[] = [transposeCase, concatCase, sliceCase];
