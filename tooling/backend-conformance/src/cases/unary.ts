// Elementwise unary functions. Inputs sit where float32 results are meaningful: exp in [-3, 3],
// log and sqrt away from zero; sign, abs and relu get exact zeros, their special point.
import { normalMatrix, uniformMatrix, withZeros } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import type { Random } from '../random.js';
import * as ref from '../reference.js';
import type { ConformanceCase } from '../types.js';
import { type LabelledInputs, matrixOpCase } from './helpers.js';

const ROWS = 37;
const COLS = 23;

/** One input matrix, labelled by its shape. */
function one(draw: (rng: Random) => Matrix): LabelledInputs {
  return (rng) => {
    const x = draw(rng);
    return [[`[${x.rows}, ${x.cols}]`, x]];
  };
}

const normalWithZeros = one((rng) => withZeros(rng, normalMatrix(rng, ROWS, COLS), 0.15));
const uniform = (lo: number, hi: number) => one((rng) => uniformMatrix(rng, ROWS, COLS, lo, hi));

export const unaryCases: readonly ConformanceCase[] = [
  matrixOpCase('neg', 301, normalWithZeros, (tf, x) => tf.neg(x), ref.neg),
  matrixOpCase('abs', 302, normalWithZeros, (tf, x) => tf.abs(x), ref.abs),
  matrixOpCase('sqrt', 303, uniform(0.25, 4), (tf, x) => tf.sqrt(x), ref.sqrt),
  matrixOpCase('square', 304, normalWithZeros, (tf, x) => tf.square(x), ref.square),
  matrixOpCase('exp', 305, uniform(-3, 3), (tf, x) => tf.exp(x), ref.exp),
  matrixOpCase('log', 306, uniform(0.25, 3), (tf, x) => tf.log(x), ref.log),
  matrixOpCase('relu', 307, normalWithZeros, (tf, x) => tf.relu(x), ref.relu),
  matrixOpCase('sign', 308, normalWithZeros, (tf, x) => tf.sign(x), ref.sign),
  matrixOpCase(
    'clipByValue',
    309,
    one((rng) => normalMatrix(rng, ROWS, COLS, 1.5)),
    (tf, x) => tf.clipByValue(x, -1, 1.5),
    (x) => ref.clipByValue(x, -1, 1.5),
  ),
];
