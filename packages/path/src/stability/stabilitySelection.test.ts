import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { makeClassification } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LassoNetOptions, type PathStep, stabilitySelection } from '../index.js';
import { linearData } from '../test-utils/data.js';
import { expectSameInWorkers } from '../test-utils/inWorkers.js';
import { SMALL } from '../test-utils/smallOptions.js';
import { expectedWrong } from './expectedWrong.js';
import { selectionProbability } from './selectionProbability.js';

const QUICK: LassoNetOptions = SMALL;

/**
 * 3 relevant features among 20. With this many noise features, the noise leaves while most
 * features are still in, so its expected wrong selections are far above the relevant ones' and
 * the largest jump comes right after them: oracle 3 for halves seeds 0-4 on data seeds 21-23.
 */
const RELEVANT = [2, 9, 15];
const beta = Array.from({ length: 20 }, (_, j) => [2, -2, 2][RELEVANT.indexOf(j)] ?? 0);
const data = linearData(beta, { n: 120, noise: 0.2, seed: 21 });

const run = (seed: number, onModel?: (index: number, steps: PathStep[]) => void) =>
  stabilitySelection(data.X, data.y, {
    estimator: 'regressor',
    options: QUICK,
    nModels: 5,
    seed,
    concurrency: 1,
    ...(onModel === undefined ? {} : { onModel }),
  });

describe('stabilitySelection on wasm', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('gives the same result with its models in worker threads', async () => {
    await expectSameInWorkers((parallel) =>
      stabilitySelection(data.X, data.y, {
        estimator: 'regressor',
        options: QUICK,
        nModels: 5,
        seed: 1,
        ...parallel,
      }),
    );
  }, 120_000);

  it('ranks the relevant features first and keeps exactly them; the same seed repeats it', async () => {
    const before = tf.memory().numTensors;
    const done: number[] = [];
    const result = await run(0, (index, steps) => {
      expect(steps[0]?.lambda).toBe(0);
      done.push(index);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(done).toEqual([0, 1, 2, 3, 4]);

    expect(new Set(result.order.slice(0, 3))).toEqual(new Set(RELEVANT));
    expect(result.oracle).toBe(3);
    expect(result.wrong[0]).toBeLessThanOrEqual(0.5);
    expect(result.wrong).toEqual(result.order.map((j) => result.expectedWrong[j]));

    // The shapes plotStability takes, and the pure functions give the same numbers.
    const T = result.lambdas.length;
    expect(T).toBeGreaterThan(10);
    expect(result.prob).toHaveLength(T);
    for (const row of result.prob) expect(row).toHaveLength(20);
    expect(result.paths).toHaveLength(5);
    for (const path of result.paths) {
      expect(path.slice(1).map((s) => s.lambda)).toEqual(result.lambdas.slice(0, path.length - 1));
      for (const step of path) expect(step.checkpoint).toBeUndefined();
    }
    expect(result.prob).toEqual(selectionProbability(result.paths, T, 20));
    expect(result.expectedWrong).toEqual(expectedWrong(result.prob));
    for (let t = 1; t < T; t++) {
      result.prob[t]?.forEach((p, j) => {
        expect(p).toBeLessThanOrEqual(result.prob[t - 1]?.[j] as number);
      });
    }

    const again = await run(0);
    expect(again).toEqual(result);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('another seed draws other halves', async () => {
    const small = linearData([2, 0, -2, 0], { n: 60, seed: 3 });
    const options = { ...QUICK, pathMultiplier: 1.3 };
    const go = (seed: number) =>
      stabilitySelection(small.X, small.y, {
        estimator: 'regressor',
        options,
        nModels: 2,
        seed,
        concurrency: 1,
      });
    const a = await go(1);
    expect((await go(2)).paths).not.toEqual(a.paths);
  }, 60_000);

  it('runs the classifier', async () => {
    const { X, y } = makeClassification({
      nSamples: 120,
      nFeatures: 6,
      nInformative: 2,
      nClasses: 2,
      seed: 4,
    });
    const result = await stabilitySelection(X, y, {
      estimator: 'classifier',
      options: { ...QUICK, pathMultiplier: 1.3, classWeight: [1, 1] },
      nModels: 2,
      concurrency: 1,
    });
    expect([...result.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.prob[0]).toHaveLength(6);
    expect(result.oracle).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('stops with an AbortError when the signal fires, leaving no tensor', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await stabilitySelection(data.X, data.y, {
      estimator: 'regressor',
      options: QUICK,
      nModels: 5,
      concurrency: 1,
      signal: controller.signal,
      onModel: (index) => {
        seen.push(index);
        controller.abort();
      },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);

    // An abort while a path trains stops it too.
    const timed = new AbortController();
    setTimeout(() => timed.abort(), 30);
    await expect(
      stabilitySelection(data.X, data.y, {
        estimator: 'regressor',
        options: { ...QUICK, nIters: [100000, 100000], patience: null },
        concurrency: 1,
        signal: timed.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
