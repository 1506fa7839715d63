// Elementwise binary arithmetic, on equal shapes and broadcasting a row, a column and a scalar.
import type { Tensor } from '@lassonet/backend';
import { awayFromZeroMatrix, normalMatrix } from '../inputs.js';
import { type Matrix, matrix } from '../matrix.js';
import type { Random } from '../random.js';
import * as ref from '../reference.js';
import { fromMatrix } from '../tensorData.js';
import type { ConformanceCase, TF } from '../types.js';
import { compared, seededCase, toTensor } from './helpers.js';

const ROWS = 37;
const COLS = 23;

type BinaryOp = (a: Tensor, b: Tensor | number) => Tensor;

function binaryCase(
  name: string,
  seed: number,
  op: (tf: TF) => BinaryOp,
  reference: (a: Matrix, b: Matrix) => Matrix,
  // Division needs divisors away from zero, or float32 rounding is magnified without bound.
  operand: (rng: Random, rows: number, cols: number) => Matrix = normalMatrix,
): ConformanceCase {
  return seededCase(name, seed, async (tf, rng) => {
    const a = operand(rng, ROWS, COLS);
    const same = operand(rng, ROWS, COLS);
    const rowVector = operand(rng, 1, COLS);
    const colVector = operand(rng, ROWS, 1);
    const scalar = operand(rng, 1, 1).data[0] as number;
    const f = op(tf);
    const pair = (label: string, x: Matrix, y: Matrix) =>
      compared(tf, label, () => f(toTensor(tf, x), toTensor(tf, y)), fromMatrix(reference(x, y)));
    return [
      await pair(`same shape [${ROWS}, ${COLS}]`, a, same),
      await pair(`row vector [1, ${COLS}] on the right`, a, rowVector),
      await pair(`column vector [${ROWS}, 1] on the right`, a, colVector),
      await pair(`row vector [1, ${COLS}] on the left`, rowVector, a),
      await pair(`column vector [${ROWS}, 1] on the left`, colVector, a),
      await compared(
        tf,
        `plain number ${scalar}`,
        () => f(toTensor(tf, a), scalar),
        fromMatrix(reference(a, matrix(1, 1, [scalar]))),
      ),
    ];
  });
}

// Both operands avoid zero, since the vectors also appear as divisors of the matrix.
const awayFromZero = (rng: Random, rows: number, cols: number) =>
  awayFromZeroMatrix(rng, rows, cols, 0.5, 3);

export const binaryCases: readonly ConformanceCase[] = [
  binaryCase('add', 201, (tf) => tf.add, ref.add),
  binaryCase('sub', 202, (tf) => tf.sub, ref.sub),
  binaryCase('mul', 203, (tf) => tf.mul, ref.mul),
  binaryCase('div', 204, (tf) => tf.div, ref.div, awayFromZero),
  binaryCase('maximum', 205, (tf) => tf.maximum, ref.maximum),
  binaryCase('minimum', 206, (tf) => tf.minimum, ref.minimum),
];
