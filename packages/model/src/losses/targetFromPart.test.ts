import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { type Tensor2D, tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy, ModelError, meanSquaredError } from '../index.js';
import type { Target } from './target.js';
import { targetFromPart } from './targetFromPart.js';

const cases = [
  {
    name: 'cross-entropy with class weights',
    nOutputs: 3,
    target: (random: Random, n: number) =>
      crossEntropy({ classWeight: [1, 3, 0.5] }).target(
        Array.from({ length: n }, () => random.int(0, 2)),
        3,
      ),
  },
  {
    name: 'mean squared error, 2 outputs',
    nOutputs: 2,
    target: (random: Random, n: number) =>
      meanSquaredError().target(
        Array.from({ length: n }, () => [random.normal(), random.normal()]),
        2,
      ),
  },
];

for (const backend of ['cpu', 'wasm']) {
  describe(`targets split by rows (${backend})`, () => {
    beforeAll(async () => {
      await useBackend(backend);
    });

    for (const c of cases) {
      it(`${c.name}: each part's gradient is its rows of the whole's, and the losses add up`, () => {
        const random = new Random(4);
        const n = 37;
        const whole = c.target(random, n);
        const out = tf.randomNormal([n, c.nOutputs], 0, 1, 'float32', 9) as Tensor2D;
        const bounds = [0, 10, 11, n];
        const parts: Target[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          parts.push(
            targetFromPart(whole.part?.(bounds[k] as number, bounds[k + 1] as number) ?? fail()),
          );
        }
        const wholeGradient = whole.lossAndGradient(out);
        let lossSum = 0;
        parts.forEach((part, k) => {
          const from = bounds[k] as number;
          const rows = (bounds[k + 1] as number) - from;
          const slice = tf.slice(out, [from, 0], [rows, c.nOutputs]);
          const g = part.lossAndGradient(slice);
          const expected = tf.slice(wholeGradient.gradOut, [from, 0], [rows, c.nOutputs]);
          expect(Array.from(g.gradOut.dataSync())).toEqual(Array.from(expected.dataSync()));
          lossSum += g.loss.dataSync()[0] as number;
          tf.dispose([slice, g.loss, g.gradOut, expected]);
        });
        expect(lossSum).toBeCloseTo(wholeGradient.loss.dataSync()[0] as number, 5);
        tf.dispose([out, wholeGradient.loss, wholeGradient.gradOut]);
        for (const t of [whole, ...parts]) t.dispose();
      });
    }

    it('refuses a part of a loss that couples rows', () => {
      expect(() => targetFromPart({ kind: 'cox', nOutputs: 1, arrays: [], numbers: [] })).toThrow(
        new ModelError('INVALID_OPTION', 'The cox loss cannot be split by rows.'),
      );
    });
  });
}

function fail(): never {
  throw new Error('the target gives no parts');
}
