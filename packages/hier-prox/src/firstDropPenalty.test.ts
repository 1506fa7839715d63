import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstDropPenalty, hierProxArrays } from './index.js';
import { seededWeights } from './test-utils/randomCase.js';

/**
 * The search as it reads: every grid penalty, the prox repeated from the start weights until no
 * skip weight moves by 1e-5 or 10000 times, the first penalty at which a feature not zero at the
 * start is zero.
 */
function plainSearch(
  skip: Float32Array,
  hidden: Float32Array,
  nFeatures: number,
  options: { M: number; groups?: number[][]; start: number; lambdaBar?: number },
): { lambda: number; dropped: number[] } {
  const nOutputs = skip.length / nFeatures;
  const groups = options.groups ?? Array.from({ length: nFeatures }, (_, j) => [j]);
  const zero = (s: Float32Array, g: number[]) =>
    g.every((j) => s.subarray(j * nOutputs, (j + 1) * nOutputs).every((x) => x === 0));
  // Groups already zero (the random weights hold some) have nothing to drop.
  const candidates = groups.filter((g) => !zero(skip, g));
  for (let lambda = options.start; ; lambda *= 2) {
    let s: Float32Array = Float32Array.from(skip);
    let h: Float32Array = Float32Array.from(hidden);
    for (let i = 0; i < 10000; i++) {
      const next = hierProxArrays(s, h, nFeatures, {
        lambda,
        M: options.M,
        lambdaBar: options.lambdaBar ?? 0,
        ...(options.groups === undefined ? {} : { groups: options.groups }),
      });
      const moved = Math.max(...next.skip.map((x, k) => Math.abs(x - (s[k] as number))));
      s = next.skip;
      h = next.hidden;
      if (moved < 1e-5) break;
    }
    const dropped = candidates.filter((g) => zero(s, g)).flat();
    if (dropped.length > 0) return { lambda, dropped: dropped.sort((a, b) => a - b) };
  }
}

describe('firstDropPenalty', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  // The search skips the proxes that cannot drop a feature; its answers are those of the
  // plain search, also where the plain one runs all 10000 proxes at small penalties.
  it.each([
    { seed: 1, M: 10, scale: 1 },
    { seed: 2, M: 10, scale: 0.05 },
    { seed: 3, M: 1, scale: 0.3 },
    { seed: 4, M: 30, scale: 0.01 },
    { seed: 5, M: 10, scale: 0.2, groups: [[0, 3], [1], [2, 4, 5]] },
    { seed: 6, M: 10, scale: 0.3, lambdaBar: 0.01 },
    {
      seed: 7,
      M: 3,
      scale: 0.1,
      lambdaBar: 0.002,
      groups: [
        [0, 1, 2],
        [3, 4, 5],
      ],
    },
  ])(
    'gives the plain search its answer (seed $seed, M $M)',
    async ({ seed, M, scale, groups, lambdaBar }) => {
      const shape = { nFeatures: 6, nOutputs: 2, nHidden: 5 };
      const { skip, hidden } = seededWeights(seed, shape);
      const s = Float32Array.from(skip.flat(), (x) => scale * x);
      const h = Float32Array.from(hidden.flat(), (x) => scale * x);
      const extra = {
        ...(groups === undefined ? {} : { groups }),
        ...(lambdaBar === undefined ? {} : { lambdaBar }),
      };
      const expected = plainSearch(s, h, shape.nFeatures, { M, start: 2e-6, ...extra });
      const st = tf.tensor2d(s, [shape.nFeatures, shape.nOutputs]);
      const ht = tf.tensor2d(h, [shape.nFeatures, shape.nHidden]);
      const found = await firstDropPenalty(st, ht, { M, start: 2e-6, ...extra });
      tf.dispose([st, ht]);
      expect(found.lambda).toBe(expected.lambda);
      expect(found.dropped).toEqual(expected.dropped);
    },
  );

  it('names the feature whose weights are not finite, with or without lambdaBar', async () => {
    const skip = tf.tensor2d([[1], [0.5], [2]]);
    const hidden = tf.tensor2d([
      [0.1, 0.2],
      [Number.NaN, 0.1],
      [0.3, 0.4],
    ]);
    for (const lambdaBar of [0, 0.01]) {
      await expect(firstDropPenalty(skip, hidden, { lambdaBar })).rejects.toMatchObject({
        code: 'NON_FINITE',
        message: expect.stringMatching(/feature 1 contain NaN or Infinity/),
      });
    }
    tf.dispose([skip, hidden]);
  });
});
