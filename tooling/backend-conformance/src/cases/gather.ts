// tf.gather of rows and of columns, with repeated and out-of-order indices.
import { normalMatrix, randomIndices } from '../inputs.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import { compared, seededCase, toTensor } from './helpers.js';

export const gatherCase = seededCase('gather', 701, async (tf, rng) => {
  const x = normalMatrix(rng, 37, 23);
  const rows = randomIndices(rng, 15, 37);
  const cols = randomIndices(rng, 30, 23);
  const gathered = (label: string, indices: number[], axis: 0 | 1) =>
    compared(
      tf,
      label,
      () => tf.gather(toTensor(tf, x), tf.tensor1d(indices, 'int32'), axis),
      fromMatrix(ref.gather(x, indices, axis)),
    );
  return [
    await gathered('15 rows of [37, 23] (axis 0)', rows, 0),
    await gathered('30 columns of [37, 23] (axis 1)', cols, 1),
  ];
});
