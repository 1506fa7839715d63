import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { makeClassification, makeFriedman1 } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CVFoldResult,
  type CVOptions,
  createEstimatorCV,
  ESTIMATOR_KINDS,
  featureImportances,
  LassoNetClassifierCV,
  LassoNetCoxRegressorCV,
  LassoNetIntervalRegressorCV,
  type LassoNetOptions,
  LassoNetRegressorCV,
  ModelError,
  type PathStep,
  selectedIndices,
} from '../index.js';
import { intervalData, survivalData } from '../test-utils/data.js';
import { SMALL } from '../test-utils/smallOptions.js';

/** Few epochs, a coarse path, three folds. */
const QUICK: LassoNetOptions & CVOptions = {
  ...SMALL,
  cv: 3,
  // In this thread: worker threads load the built package, not these sources.
  concurrency: 1,
};

/** Standardized columns: X uniform on [0, 1) and y to mean 0 and variance 1. */
function standardize(X: number[][], y: number[]): { X: number[][]; y: number[] } {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
  return {
    X: X.map((row) => row.map((v) => (v - 0.5) * Math.sqrt(12))),
    y: y.map((v) => (v - mean) / sd),
  };
}

beforeAll(async () => {
  await useBackend('wasm');
});

describe('cross-validation estimators on wasm', () => {
  it('LassoNetClassifierCV keeps the informative features, on stratified folds', async () => {
    const { X, y, relevant } = makeClassification({
      nSamples: 120,
      nFeatures: 20,
      nInformative: 2,
      nClasses: 3,
      classSep: 2,
      seed: 3,
    });
    const before = tf.memory().numTensors;
    const model = new LassoNetClassifierCV(QUICK);
    const seen: [number, CVFoldResult][] = [];
    await model.fit(X, y, { onFold: (f, result) => seen.push([f, result]) });

    // Stratified: each class splits over the held-out folds as evenly as possible.
    const folds = model.folds ?? [];
    expect(folds).toHaveLength(3);
    for (const c of [0, 1, 2]) {
      const counts = folds.map((fold) => fold.testIndex.filter((i) => y[i] === c).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    expect(seen.map(([f]) => f)).toEqual([0, 1, 2]);
    for (const [f, result] of seen) {
      expect(result.steps).toBe(model.foldPaths?.[f]);
      expect(result.scores).toEqual(model.foldRawScores?.[f]);
      expect(result.scores).toHaveLength(result.steps.length);
      expect(model.foldLambdas?.[f]).toEqual(result.steps.map((s) => s.lambda));
      expect(result.steps[0]?.lambda).toBe(0);
    }

    const cv = model.cvResult();
    expect(cv.lambdas[0]).toBe(Math.min(...seen.map(([, r]) => r.steps[1]?.lambda as number)));
    expect(cv.lambdas[cv.bestIndex]).toBe(cv.bestLambda);
    expect(cv.bestCvScore).toBe(Math.max(...cv.meanScores));
    expect(cv.foldScores).toHaveLength(3);
    expect(cv.foldSelected).toHaveLength(3);
    for (const row of [...cv.foldScores, ...cv.foldSelected]) {
      expect(row).toHaveLength(cv.lambdas.length);
    }
    expect(model.bestLambda).toBe(cv.bestLambda);
    expect(model.bestCvScore).toBeGreaterThan(0.8);

    // The refit runs along the grid up to bestLambda; its last step gives bestSelected.
    const refit = model.refitPath as PathStep[];
    expect(refit[0]?.lambda).toBe(0);
    expect(refit.slice(1).map((s) => s.lambda)).toEqual(
      cv.lambdas.slice(0, Math.min(cv.bestIndex + 1, refit.length - 1)),
    );
    expect(model.bestSelected).toEqual(selectedIndices(refit[refit.length - 1] as PathStep));
    // The best mean score may keep noise features that cost nothing; the informative ones are
    // kept, and in every fold they are the last two features to leave the path.
    expect(model.bestSelected).toEqual(expect.arrayContaining(relevant));
    for (const steps of model.foldPaths ?? []) {
      const importances = featureImportances(steps);
      const lastTwo = importances
        .map((lambda, j) => [lambda, j] as const)
        .sort((a, b) => b[0] - a[0])
        .slice(0, 2)
        .map(([, j]) => j)
        .sort((a, b) => a - b);
      expect(lastTwo).toEqual(relevant);
    }
    expect(model.selectedFeatures()).toEqual(model.bestSelected);

    // Predictions and scores are the refitted estimator's.
    expect(model.score(X, y)).toBe(model.estimator.score(X, y));
    expect(model.score(X, y)).toBeGreaterThan(0.8);
    expect(model.predict(X)).toEqual(model.estimator.predict(X));
    expect(model.predictProba(X)).toEqual(model.estimator.predictProba(X));
    expect(model.network).toBe(model.estimator.network);

    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('LassoNetRegressorCV on Friedman #1 keeps the features y uses and drops most noise', async () => {
    const raw = makeFriedman1({ nSamples: 150, nFeatures: 30, noise: 0.3, seed: 1 });
    const { X, y } = standardize(raw.X, raw.y);
    const before = tf.memory().numTensors;
    const model = new LassoNetRegressorCV({ ...QUICK, nIters: [300, 20], patience: [10, 5] });
    await model.fit(X, y);
    const selected = model.bestSelected as number[];
    // Feature 2 enters y as (x2 - 0.5)², which a short path may miss; 0, 1, 3 and 4 must stay.
    for (const j of [0, 1, 3, 4]) expect(selected).toContain(j);
    expect(selected.length).toBeLessThan(15);
    expect(model.bestCvScore).toBeGreaterThan(0.5);
    expect(model.score(X, y)).toBe(model.estimator.score(X, y));
    expect(model.predict(X)).toEqual(model.estimator.predict(X));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('LassoNetCoxRegressorCV and LassoNetIntervalRegressorCV score by concordance', async () => {
    const before = tf.memory().numTensors;
    const options = { ...QUICK, pathMultiplier: 1.3 };
    const survival = survivalData([1.5, -1, 0, 0], { n: 120, seed: 10 });
    const cox = await new LassoNetCoxRegressorCV(options).fit(survival.X, survival.y);
    const interval = intervalData([1, -1, 0, 0], { n: 120, seed: 11 });
    const aft = await new LassoNetIntervalRegressorCV(options).fit(interval.X, interval.y);
    for (const [model, data] of [
      [cox, survival],
      [aft, interval],
    ] as const) {
      expect(model.bestCvScore).toBeGreaterThan(0.7);
      expect(model.bestCvScore).toBeLessThanOrEqual(1);
      expect(model.score(data.X, data.y as never)).toBe(model.estimator.score(data.X, data.y));
      expect(model.predict(data.X)).toHaveLength(120);
      expect(model.bestSelected).toContain(0);
      expect(model.bestSelected).toContain(1);
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('createEstimatorCV', () => {
  const classes = {
    regressor: LassoNetRegressorCV,
    classifier: LassoNetClassifierCV,
    cox: LassoNetCoxRegressorCV,
    interval: LassoNetIntervalRegressorCV,
  };

  it('makes the cross-validated estimator of every registered kind, with its options', () => {
    for (const kind of ESTIMATOR_KINDS) {
      const cv = createEstimatorCV(kind, { cv: 4, hiddenDims: [7] });
      expect(cv).toBeInstanceOf(classes[kind]);
      expect(cv.cv).toBe(4);
      expect(cv.options).toEqual({ cv: 4, hiddenDims: [7] });
    }
  });

  it('checks the options with the estimator schema and rejects an unknown kind', () => {
    expect(() => createEstimatorCV('regressor', { folds: 3 })).toThrow(
      /Unknown option 'folds' for LassoNetRegressorCV/,
    );
    expect(() => createEstimatorCV('tree' as never)).toThrow(ModelError);
    expect(() => createEstimatorCV('tree' as never)).toThrow(
      /estimator must be one of 'regressor'/,
    );
  });
});
