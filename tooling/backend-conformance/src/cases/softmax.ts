// softmax and logSoftmax along the last axis, including large logits: ±50 spreads log-probabilities
// over 100 nats (e^-100 underflows float32), and logits near 100 overflow a naive exp (float32's
// largest is about e^88.7), so only a max-shifted implementation passes.
import { normalMatrix, uniformMatrix } from '../inputs.js';
import { fromFunction, type Matrix } from '../matrix.js';
import type { Random } from '../random.js';
import * as ref from '../reference.js';
import type { ConformanceCase } from '../types.js';
import { type LabelledInputs, matrixOpCase } from './helpers.js';

/** Rows of large logits: spread over ±50, all +50, all -50, one +50 among -50s, 90..98. */
function largeLogits(rng: Random): Matrix {
  const spread = uniformMatrix(rng, 3, 9, -50, 50);
  return fromFunction(7, 9, (i, j) => {
    if (i < 3) return spread.data[i * 9 + j] as number;
    if (i === 3) return 50;
    if (i === 4) return -50;
    if (i === 5) return j === 4 ? 50 : -50;
    return 90 + j;
  });
}

const logits: LabelledInputs = (rng) => [
  ['[37, 23], logits in [-6, 6]', normalMatrix(rng, 37, 23, 2)],
  ['[7, 9], logits of magnitude 50 to 98', largeLogits(rng)],
  ['[1, 41]', normalMatrix(rng, 1, 41, 2)],
  // One class: every probability is exactly 1, every log-probability 0.
  ['[37, 1]', normalMatrix(rng, 37, 1, 2)],
];

export const softmaxCases: readonly ConformanceCase[] = [
  matrixOpCase('softmax', 501, logits, (tf, x) => tf.softmax(x), ref.softmaxRows),
  matrixOpCase('logSoftmax', 502, logits, (tf, x) => tf.logSoftmax(x), ref.logSoftmaxRows),
];
