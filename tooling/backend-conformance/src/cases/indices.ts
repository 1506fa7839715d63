// Operations producing int32 indices or one-hot codes, compared exactly.
import { distinctMatrix } from '../inputs.js';
import { Random } from '../random.js';
import * as ref from '../reference.js';
import { fromMatrix, fromVector } from '../tensorData.js';
import type { ConformanceCase } from '../types.js';
import { evaluate, toTensor } from './helpers.js';

const oneHotCase: ConformanceCase = {
  name: 'oneHot',
  async run(tf) {
    const rng = new Random(1101);
    const labels = Array.from({ length: 37 }, () => rng.int(0, 6));
    return {
      results: [
        {
          label: '37 labels, depth 7',
          actual: await evaluate(tf, () => tf.oneHot(tf.tensor1d(labels, 'int32'), 7)),
          expected: fromMatrix(ref.oneHot(labels, 7), 'int32'),
        },
      ],
    };
  },
};

const argMaxCase: ConformanceCase = {
  name: 'argMax',
  async run(tf) {
    // Distinct values: with ties, backends may legitimately pick different indices.
    const x = distinctMatrix(new Random(1102), 37, 23);
    return {
      results: [
        {
          label: 'axis 0 of [37, 23]',
          actual: await evaluate(tf, () => tf.argMax(toTensor(tf, x), 0)),
          expected: fromVector(ref.argMax(x, 0), 'int32'),
        },
        {
          label: 'axis 1 of [37, 23]',
          actual: await evaluate(tf, () => tf.argMax(toTensor(tf, x), 1)),
          expected: fromVector(ref.argMax(x, 1), 'int32'),
        },
      ],
    };
  },
};

export const indexCases: readonly ConformanceCase[] = [oneHotCase, argMaxCase];
