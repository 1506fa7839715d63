import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy } from '../index.js';

/** Weighted softmax cross-entropy and its gradient in float64, from the definition. */
function reference(logits: number[][], labels: number[], classWeight: number[]) {
  const total = labels.reduce((sum, label) => sum + (classWeight[label] as number), 0);
  let loss = 0;
  const gradient = logits.map((row, i) => {
    const label = labels[i] as number;
    const w = (classWeight[label] as number) / total;
    const max = Math.max(...row);
    const sum = row.reduce((s, v) => s + Math.exp(v - max), 0);
    loss += w * (max + Math.log(sum) - (row[label] as number));
    return row.map((v, k) => w * (Math.exp(v - max) / sum - (k === label ? 1 : 0)));
  });
  return { loss, gradient };
}

for (const backend of ['cpu', 'wasm']) {
  describe(`softmax cross-entropy (${backend})`, () => {
    beforeAll(async () => {
      await useBackend(backend);
    });

    it('gives the weighted loss and gradient of the float64 definition', () => {
      const random = new Random(8);
      const n = 53;
      const K = 4;
      const classWeight = [1, 2.5, 0.5, 0];
      const labels = Array.from({ length: n }, () => random.int(0, K - 1));
      const logits = Array.from({ length: n }, () =>
        Array.from({ length: K }, () => Math.fround(3 * random.normal())),
      );
      const tensors = tf.memory().numTensors;
      const target = crossEntropy({ classWeight }).target(labels, K);
      const out = tf.tensor2d(logits);
      const expected = reference(logits, labels, classWeight);
      const { loss, gradOut } = target.lossAndGradient(out);
      const alone = target.loss(out);
      expect(loss.shape).toEqual([]);
      expect(loss.dataSync()[0]).toBeCloseTo(expected.loss, 5);
      expect(alone.dataSync()[0]).toBe(loss.dataSync()[0]);
      const gradient = gradOut.arraySync() as number[][];
      for (const [i, row] of gradient.entries()) {
        for (const [k, v] of row.entries()) {
          expect(v).toBeCloseTo(expected.gradient[i]?.[k] as number, 6);
        }
      }
      tf.dispose([loss, gradOut, alone, out]);
      target.dispose();
      expect(tf.memory().numTensors).toBe(tensors);
    });

    it('stays finite for logits far apart, where exp would overflow float32', () => {
      const target = crossEntropy().target([0, 1], 3);
      const out = tf.tensor2d([
        [1e4, -1e4, 0],
        [-1e4, 1e4, 300],
      ]);
      const { loss, gradOut } = target.lossAndGradient(out);
      // Both rows put all mass on their label: no loss, no gradient.
      expect(loss.dataSync()[0]).toBe(0);
      expect(Array.from(gradOut.dataSync()).every((v) => v === 0)).toBe(true);
      const wrong = crossEntropy().target([1, 0], 3);
      const worst = wrong.loss(out);
      // Each row's loss is 2e4 (the gap to the label), over the two rows' mean.
      expect(worst.dataSync()[0]).toBeCloseTo(2e4, 0);
      tf.dispose([loss, gradOut, worst, out]);
      target.dispose();
      wrong.dispose();
    });
  });
}
