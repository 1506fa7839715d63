import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { makeClassification } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import { LassoNetClassifierCV, type LassoNetClassifierCVOptions } from '../index.js';
import { expectSameInWorkers } from '../test-utils/inWorkers.js';
import { SMALL } from '../test-utils/smallOptions.js';

/** Tiny and coarse: these tests are about the fit's bookkeeping, not its quality. */
const TINY: LassoNetClassifierCVOptions = {
  ...SMALL,
  nIters: [60, 8],
  pathMultiplier: 1.3,
  cv: 3,
  // In this thread: worker threads load the built package, not these sources.
  concurrency: 1,
};

const { X, y } = makeClassification({
  nSamples: 90,
  nFeatures: 5,
  nInformative: 2,
  nClasses: 3,
  classSep: 2,
  seed: 5,
});

/** Everything a fit leaves, as plain data. */
function snapshot(model: LassoNetClassifierCV) {
  return {
    cv: model.cvResult(),
    folds: model.folds,
    foldPaths: model.foldPaths,
    foldRawScores: model.foldRawScores,
    refitPath: model.refitPath,
    bestSelected: model.bestSelected,
    proba: model.predictProba(X),
  };
}

beforeAll(async () => {
  await useBackend('wasm');
});

describe('cross-validation fit on wasm', () => {
  it('gives the same fit with its folds in worker threads', async () => {
    await expectSameInWorkers(async (parallel: LassoNetClassifierCVOptions) => {
      const model = await new LassoNetClassifierCV({ ...TINY, seed: 3, ...parallel }).fit(X, y);
      const result = snapshot(model);
      model.dispose();
      return result;
    });
  }, 120_000);

  it('gives identical results for the same seed, and other folds for another', async () => {
    const before = tf.memory().numTensors;
    const run = async (seed: number) => {
      const model = new LassoNetClassifierCV({ ...TINY, seed });
      await model.fit(X, y);
      const result = snapshot(model);
      model.dispose();
      return result;
    };
    const a = await run(4);
    expect(await run(4)).toEqual(a);
    const b = await run(5);
    expect(b.folds).not.toEqual(a.folds);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('keeps one network between fits and frees it on dispose; the results stay', async () => {
    const before = tf.memory().numTensors;
    const model = new LassoNetClassifierCV(TINY);
    await model.fit(X, y);
    const fitted = tf.memory().numTensors;
    expect(fitted).toBeGreaterThan(before);
    await model.fit(X, y);
    expect(tf.memory().numTensors).toBe(fitted);
    const result = model.cvResult();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(model.cvResult()).toEqual(result);
    expect(() => model.predict(X)).toThrow(/This LassoNetClassifierCV is not fitted/);
  }, 60_000);

  it('an abort from onFold rejects with an AbortError and keeps the previous fit', async () => {
    const model = new LassoNetClassifierCV(TINY);
    await model.fit(X, y);
    const previous = snapshot(model);
    const before = tf.memory().numTensors;
    // After the first fold (the next fold stops) and after the last one (the refit stops).
    for (const at of [0, 2]) {
      const controller = new AbortController();
      const seen: number[] = [];
      const error = await model
        .fit(X, y, {
          signal: controller.signal,
          onFold: (f) => {
            seen.push(f);
            if (f === at) controller.abort();
          },
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((error as Error).name).toBe('AbortError');
      expect(seen).toEqual([0, 1, 2].slice(0, at + 1));
      expect(tf.memory().numTensors).toBe(before);
      expect(snapshot(model)).toEqual(previous);
    }
    model.dispose();
  }, 60_000);
});
