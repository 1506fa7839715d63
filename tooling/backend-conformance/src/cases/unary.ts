// Elementwise unary functions. Inputs sit where float32 results are meaningful: exp in [-3, 3],
// log and sqrt away from zero; sign, abs and relu get exact zeros, their special point.
import type { Tensor } from '@lassonet/backend';
import { normalMatrix, uniformMatrix, withZeros } from '../inputs.js';
import type { Matrix } from '../matrix.js';
import { Random } from '../random.js';
import * as ref from '../reference.js';
import type { ConformanceCase, TF } from '../types.js';
import { matrixOpResult } from './helpers.js';

const ROWS = 37;
const COLS = 23;

type Inputs = (rng: Random) => Matrix;

const normalWithZeros: Inputs = (rng) => withZeros(rng, normalMatrix(rng, ROWS, COLS), 0.15);

function unaryCase(
  name: string,
  seed: number,
  inputs: Inputs,
  op: (tf: TF, x: Tensor) => Tensor,
  reference: (x: Matrix) => Matrix,
): ConformanceCase {
  return {
    name,
    async run(tf) {
      const x = inputs(new Random(seed));
      return { results: [await matrixOpResult(tf, `[${x.rows}, ${x.cols}]`, x, op, reference)] };
    },
  };
}

export const unaryCases: readonly ConformanceCase[] = [
  unaryCase('neg', 301, normalWithZeros, (tf, x) => tf.neg(x), ref.neg),
  unaryCase('abs', 302, normalWithZeros, (tf, x) => tf.abs(x), ref.abs),
  unaryCase(
    'sqrt',
    303,
    (rng) => uniformMatrix(rng, ROWS, COLS, 0.25, 4),
    (tf, x) => tf.sqrt(x),
    ref.sqrt,
  ),
  unaryCase('square', 304, normalWithZeros, (tf, x) => tf.square(x), ref.square),
  unaryCase(
    'exp',
    305,
    (rng) => uniformMatrix(rng, ROWS, COLS, -3, 3),
    (tf, x) => tf.exp(x),
    ref.exp,
  ),
  unaryCase(
    'log',
    306,
    (rng) => uniformMatrix(rng, ROWS, COLS, 0.25, 3),
    (tf, x) => tf.log(x),
    ref.log,
  ),
  unaryCase('relu', 307, normalWithZeros, (tf, x) => tf.relu(x), ref.relu),
  unaryCase('sign', 308, normalWithZeros, (tf, x) => tf.sign(x), ref.sign),
  unaryCase(
    'clipByValue',
    309,
    (rng) => normalMatrix(rng, ROWS, COLS, 1.5),
    (tf, x) => tf.clipByValue(x, -1, 1.5),
    (x) => ref.clipByValue(x, -1, 1.5),
  ),
];
