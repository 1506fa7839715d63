// tf.gather of rows and of columns, with repeated and out-of-order indices.
import { normalMatrix, randomIndices } from '../inputs.js';
import { Random } from '../random.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase } from '../types.js';
import { evaluate, toTensor } from './helpers.js';

export const gatherCase: ConformanceCase = {
  name: 'gather',
  async run(tf) {
    const rng = new Random(701);
    const x = normalMatrix(rng, 37, 23);
    const rows = randomIndices(rng, 15, 37);
    const cols = randomIndices(rng, 30, 23);
    return {
      results: [
        {
          label: '15 rows of [37, 23] (axis 0)',
          actual: await evaluate(tf, () =>
            tf.gather(toTensor(tf, x), tf.tensor1d(rows, 'int32'), 0),
          ),
          expected: fromMatrix(ref.gather(x, rows, 0)),
        },
        {
          label: '30 columns of [37, 23] (axis 1)',
          actual: await evaluate(tf, () =>
            tf.gather(toTensor(tf, x), tf.tensor1d(cols, 'int32'), 1),
          ),
          expected: fromMatrix(ref.gather(x, cols, 1)),
        },
      ],
    };
  },
};
