// Reductions along each axis and over everything, and the euclidean norm of rows.
import type { Tensor } from '@lassonet/backend';
import { normalMatrix, uniformMatrix } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import * as ref from '../reference.js';
import { fromMatrix, fromScalar, fromVector } from '../tensorData.js';
import type { CaseResult, ConformanceCase, TF } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

const ROWS = 37;
const COLS = 23;

type Reduce = (tf: TF, x: Tensor, axis?: number, keepDims?: boolean) => Tensor;

async function reduced(
  tf: TF,
  label: string,
  x: Matrix,
  op: Reduce,
  reference: (values: readonly number[]) => number,
  axis?: 0 | 1,
): Promise<CaseResult> {
  return compared(
    tf,
    label,
    () => op(tf, toTensor(tf, x), axis),
    axis === undefined
      ? fromScalar(reference(x.data))
      : fromVector(ref.reduceAxis(x, axis, reference)),
  );
}

function reductionCase(
  name: string,
  seed: number,
  op: Reduce,
  reference: (values: readonly number[]) => number,
): ConformanceCase {
  return seededCase(name, seed, async (tf, rng) => {
    // Sums of mean-zero data can cancel to near zero, where float32 accumulation error exceeds
    // any sensible tolerance; a positive mean keeps the relative tolerance meaningful.
    const x = uniformMatrix(rng, ROWS, COLS, -1, 3);
    const wide = uniformMatrix(rng, 1, 41, -1, 3);
    const tall = uniformMatrix(rng, ROWS, 1, -1, 3);
    return [
      await reduced(tf, `axis 0 of [${ROWS}, ${COLS}]`, x, op, reference, 0),
      await reduced(tf, `axis 1 of [${ROWS}, ${COLS}]`, x, op, reference, 1),
      await reduced(tf, `all of [${ROWS}, ${COLS}]`, x, op, reference),
      await reduced(tf, 'axis 1 of [1, 41]', wide, op, reference, 1),
      await reduced(tf, 'axis 0 of [1, 41]', wide, op, reference, 0),
      await reduced(tf, `axis 0 of [${ROWS}, 1]`, tall, op, reference, 0),
      await compared(
        tf,
        `axis 1 of [${ROWS}, ${COLS}] keeping dims`,
        () => op(tf, toTensor(tf, x), 1, true),
        fromMatrix({ rows: ROWS, cols: 1, data: ref.reduceAxis(x, 1, reference) }),
      ),
    ];
  });
}

const norm = seededCase('norm euclidean', 405, async (tf, rng) => {
  const x = normalMatrix(rng, ROWS, COLS);
  const along = (axis: 0 | 1) => () => tf.norm(toTensor(tf, x), 'euclidean', axis);
  return [
    await compared(
      tf,
      `rows of [${ROWS}, ${COLS}] (axis 1)`,
      along(1),
      fromVector(ref.reduceAxis(x, 1, ref.euclidean)),
    ),
    await compared(
      tf,
      `columns of [${ROWS}, ${COLS}] (axis 0)`,
      along(0),
      fromVector(ref.reduceAxis(x, 0, ref.euclidean)),
    ),
    await compared(
      tf,
      `all of [${ROWS}, ${COLS}]`,
      () => tf.norm(toTensor(tf, x)),
      fromScalar(ref.euclidean(x.data)),
    ),
  ];
});

export const reductionCases: readonly ConformanceCase[] = [
  reductionCase('sum', 401, (tf, x, axis, keepDims) => tf.sum(x, axis, keepDims), ref.sum),
  reductionCase('mean', 402, (tf, x, axis, keepDims) => tf.mean(x, axis, keepDims), ref.mean),
  reductionCase('max', 403, (tf, x, axis, keepDims) => tf.max(x, axis, keepDims), ref.max),
  reductionCase('min', 404, (tf, x, axis, keepDims) => tf.min(x, axis, keepDims), ref.min),
  norm,
];
