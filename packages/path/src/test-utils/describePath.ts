import { tf, useBackend } from '@lassonet/backend';
import { makeClassification, makeFriedman1 } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  featureImportances,
  LassoNetClassifier,
  LassoNetCoxRegressor,
  LassoNetIntervalRegressor,
  type LassoNetOptions,
  LassoNetRegressor,
  type PathStep,
  selectedIndices,
} from '../index.js';
import { intervalData, linearData, survivalData } from './data.js';
import { lassoLeavingOrder } from './lasso.js';
import { SMALL } from './smallOptions.js';

/** Small settings with enough epochs for the paths to match a Lasso's order. */
const QUICK: LassoNetOptions = {
  ...SMALL,
  nIters: [200, 30],
  patience: [20, 5],
  pathMultiplier: 1.15,
};

const summary = (path: readonly PathStep[]) =>
  path.map((s) => ({ lambda: s.lambda, nSelected: s.nSelected, loss: s.loss, epochs: s.epochs }));

/** A path from a fresh estimator, which is then disposed. */
async function pathOnce<X, Y>(
  model: { path(X: X, y: Y): Promise<PathStep[]>; dispose(): void },
  X: X,
  y: Y,
): Promise<PathStep[]> {
  try {
    return await model.path(X, y);
  } finally {
    model.dispose();
  }
}

/** The first lambda at which feature j is out of the path (Infinity if never). */
function leaves(path: readonly PathStep[], j: number): number {
  return path.find((s) => !s.selected[j])?.lambda ?? Number.POSITIVE_INFINITY;
}

export interface DescribePathOptions {
  /** Run the longer checks too (Node backends); the browser runs a subset. */
  full?: boolean;
}

/** The path and estimator suite, on one backend. */
export function describePath(backend: string, { full = true }: DescribePathOptions = {}): void {
  describe(`path on ${backend}`, () => {
    beforeAll(async () => {
      await useBackend(backend);
    });

    it('trains from the dense model down to no feature, the relevant features last', async () => {
      const { X, y } = makeFriedman1({ nSamples: 200, nFeatures: 8, noise: 0.3, seed: 1 });
      // SwiftShader's WebGL is slow: a coarser path in the browser.
      const multiplier = full ? 1.15 : 1.4;
      const model = new LassoNetRegressor({
        ...QUICK,
        hiddenDims: [16],
        pathMultiplier: multiplier,
      });
      const before = tf.memory().numTensors;
      const steps: number[] = [];
      const path = await model.path(X, y, { onStep: (_, index) => steps.push(index) });
      const first = path[0] as PathStep;
      const last = path[path.length - 1] as PathStep;
      expect(first.lambda).toBe(0);
      expect(first.nSelected).toBe(8);
      expect(last.nSelected).toBe(0);
      expect(steps).toEqual(path.map((_, i) => i));
      // Lambdas grow geometrically from lambdaStart.
      expect(path[1]?.lambda).toBe(model.lambdaStart);
      for (let k = 2; k < path.length; k++) {
        expect((path[k] as PathStep).lambda / (path[k - 1] as PathStep).lambda).toBeCloseTo(
          multiplier,
          10,
        );
      }
      for (const step of path) {
        expect(step.nSelected).toBe(step.selected.filter(Boolean).length);
        expect(step.objective).toBeGreaterThanOrEqual(step.loss);
        expect(step.valObjective).toBeCloseTo(step.valLoss + step.lambda * step.regularization, 4);
      }
      // Friedman's y uses features 0-4; 3 and 4 (linear, the strongest) outlast every noise feature.
      const noise = [5, 6, 7].map((j) => leaves(path, j));
      for (const j of [3, 4]) expect(leaves(path, j)).toBeGreaterThan(Math.max(...noise));
      // The network kept is the last step's: no feature left.
      expect(model.selectedFeatures()).toEqual([]);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }, 120_000);

    it('stops with an AbortError when the signal fires, leaving no tensor and no model', async () => {
      const { X, y } = linearData([1, 1, 0, 0], { seed: 5 });
      const model = new LassoNetRegressor(QUICK);
      const before = tf.memory().numTensors;
      const controller = new AbortController();
      const seen: number[] = [];
      const error = await model
        .path(X, y, {
          signal: controller.signal,
          onStep: (_, index) => {
            seen.push(index);
            if (index === 2) controller.abort();
          },
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('AbortError');
      expect(seen).toEqual([0, 1, 2]);
      expect(tf.memory().numTensors).toBe(before);
      expect(() => model.predict(X)).toThrow(/not fitted/);
      // A timer's abort reaches a running path too: the path yields to the event loop.
      const timed = new AbortController();
      setTimeout(() => timed.abort(), 30);
      const slow = new LassoNetRegressor({ ...QUICK, nIters: [100000, 100000], patience: null });
      await expect(slow.path(X, y, { signal: timed.signal })).rejects.toMatchObject({
        name: 'AbortError',
      });
      expect(tf.memory().numTensors).toBe(before);
    }, 60_000);

    it('checkpoints restore a step exactly; fit with denseOnly trains the dense step alone', async () => {
      const { X, y } = linearData([2, -1, 0, 0.5], { seed: 6 });
      const model = new LassoNetRegressor({ ...QUICK, pathMultiplier: 1.3 });
      const path = await model.path(X, y, { returnCheckpoints: true });
      const middle = path.find((s) => s.nSelected > 0 && s.nSelected < 4) as PathStep;
      model.load(middle);
      expect(model.selectedFeatures()).toEqual(selectedIndices(middle));
      const restored = new LassoNetRegressor().load(JSON.parse(JSON.stringify(middle.checkpoint)));
      expect(restored.predict(X)).toEqual(model.predict(X));

      const dense = await new LassoNetRegressor({ ...QUICK, pathMultiplier: 1.3 }).fit(X, y, {
        denseOnly: true,
      });
      expect(dense.fittedPath).toHaveLength(1);
      model.load(path[0] as PathStep);
      expect(dense.predict(X)).toEqual(model.predict(X));
      expect(dense.score(X, y)).toBeGreaterThan(0.9);
      for (const m of [model, restored, dense]) m.dispose();
    }, 120_000);

    it('classifies: probabilities sum to 1, predict is their argmax, score is accuracy', async () => {
      const { X, y } = makeClassification({
        nSamples: 240,
        nFeatures: 6,
        nInformative: 2,
        nClasses: 3,
        seed: 9,
      });
      const model = new LassoNetClassifier({ ...QUICK, lambdaSeq: [1] });
      await model.fit(X, y, { denseOnly: true });
      expect(model.nClasses).toBe(3);
      const proba = model.predictProba(X);
      const predicted = model.predict(X);
      proba.forEach((row, i) => {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(predicted[i]).toBe(row.indexOf(Math.max(...row)));
      });
      const hits = predicted.filter((p, i) => p === y[i]).length;
      expect(model.score(X, y)).toBe(hits / y.length);
      expect(model.score(X, y)).toBeGreaterThan(0.6);
      model.dispose();
    }, 60_000);

    if (!full) return;

    it('starts the path before any feature leaves (lambdaStart auto)', async () => {
      const { X, y } = linearData([3, -2, 1, 0.5, 0, 0], { seed: 2 });
      const model = new LassoNetRegressor(QUICK);
      const warnings: string[] = [];
      const path = await model.path(X, y, { onWarning: (w) => warnings.push(w) });
      expect(path[1]?.nSelected).toBe(6);
      const firstDrop = path.find((s) => s.nSelected < 6) as PathStep;
      expect(firstDrop.lambda).toBeGreaterThanOrEqual(2 * (model.lambdaStart as number));
      expect(warnings).toEqual([]);
      model.dispose();
    }, 120_000);

    it('warns when features leave within a factor 2 of lambdaStart', async () => {
      const { X, y } = linearData([3, -2, 1, 0.5, 0, 0], { seed: 2 });
      const model = new LassoNetRegressor({ ...QUICK, lambdaStart: 1e4 });
      const warnings: string[] = [];
      await model.path(X, y, { onWarning: (w) => warnings.push(w) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /lambdaStart = 1\.000e\+4 may be too large: features start to leave at lambda = 1\.000e\+4/,
      );
      model.dispose();
    }, 60_000);

    it('feature importances are the lambdas at which features leave the path', async () => {
      const { X, y } = linearData([2, 0, -1, 0, 0.5], { seed: 3 });
      const model = new LassoNetRegressor(QUICK);
      const path = await model.path(X, y);
      const importances = model.featureImportances as number[];
      expect(importances).toEqual(featureImportances(path));
      const current = [true, true, true, true, true];
      const expected = current.map(() => Number.POSITIVE_INFINITY);
      for (const step of path) {
        step.selected.forEach((s, j) => {
          if (current[j] && !s) {
            expected[j] = step.lambda;
            current[j] = false;
          }
        });
      }
      expect(importances).toEqual(expected);
      expect(importances.every(Number.isFinite)).toBe(true);
      model.dispose();
    }, 120_000);

    it('the same seed gives the same path; another seed another', async () => {
      const { X, y } = makeFriedman1({ nSamples: 120, nFeatures: 6, noise: 0.3, seed: 4 });
      const run = async (seed: number) => {
        const model = new LassoNetRegressor({ ...QUICK, seed, pathMultiplier: 1.3 });
        const path = await model.path(X, y);
        model.dispose();
        return summary(path);
      };
      const a = await run(7);
      expect(await run(7)).toEqual(a);
      expect(await run(8)).not.toEqual(a);
    }, 120_000);

    it('accepts X as rows, { data, shape } and a tensor, and y as an array or a tensor', async () => {
      const { X, y } = linearData([1, -1, 0], { n: 80, seed: 8 });
      const options = { ...QUICK, lambdaSeq: [1, 10, 100] };
      const fromRows = await pathOnce(new LassoNetRegressor(options), X, y);
      const flat = { data: Float32Array.from(X.flat()), shape: [80, 3] as [number, number] };
      const fromFlat = await pathOnce(new LassoNetRegressor(options), flat, Float32Array.from(y));
      const Xt = tf.tensor2d(X);
      const yt = tf.tensor1d(y);
      const fromTensor = await pathOnce(new LassoNetRegressor(options), Xt, yt);
      tf.dispose([Xt, yt]);
      expect(fromRows.length).toBeGreaterThan(1);
      expect(summary(fromFlat)).toEqual(summary(fromRows));
      expect(summary(fromTensor)).toEqual(summary(fromRows));
      expect(fromRows.map((s) => s.lambda).slice(1)).toEqual(
        [1, 10, 100].slice(0, fromRows.length - 1),
      );
    }, 60_000);

    it('Cox: validates on the training data by default and ranks risks', async () => {
      const { X, y } = survivalData([1.5, -1, 0, 0], { seed: 10 });
      const model = new LassoNetCoxRegressor({ ...QUICK, tieApproximation: 'efron' });
      const path = await model.path(X, y, { lambdaSeq: [0.5, 5], returnCheckpoints: true });
      for (const step of path) expect(step.valLoss).toBe(step.loss);
      model.load(path[0] as PathStep);
      expect(model.score(X, y)).toBeGreaterThan(0.7);
      model.dispose();
    }, 60_000);

    it('a linear problem recovers the Lasso ordering', async () => {
      const beta = [0, 3, 0, -2.2, 0, 1.5, 0, 0.8];
      const { X, y } = linearData(beta, { n: 300, noise: 0.5, seed: 11 });
      const model = new LassoNetRegressor({ ...QUICK, pathMultiplier: 1.05, seed: 1 });
      const path = await model.path(X, y);
      const importances = featureImportances(path);
      const order = importances
        .map((v, j) => ({ v, j }))
        .sort((a, b) => a.v - b.v)
        .map((e) => e.j);
      const lasso = lassoLeavingOrder(X, y);
      // The relevant features leave last, in the Lasso's order; the noise features first.
      expect(order.slice(4)).toEqual(lasso.slice(4));
      expect(new Set(order.slice(0, 4))).toEqual(new Set([0, 2, 4, 6]));
      model.dispose();
    }, 120_000);

    it('groups leave together', async () => {
      const { X, y } = linearData([2, 2, 0, 0, -1, 0], { seed: 12 });
      const groups = [
        [0, 1],
        [2, 3],
        [4, 5],
      ];
      const model = new LassoNetRegressor({ ...QUICK, groups });
      const path = await model.path(X, y);
      for (const step of path) {
        for (const g of groups)
          expect(step.selected[g[1] as number]).toBe(step.selected[g[0] as number]);
      }
      expect(path[path.length - 1]?.nSelected).toBe(0);
      model.dispose();
    }, 120_000);

    it('minibatches, dropout and backtrack train reproducibly', async () => {
      const { X, y } = linearData([1.5, -1, 0, 0], { n: 160, seed: 13 });
      const options = { ...QUICK, batchSize: 32, dropout: 0.1, lambdaSeq: [1, 30, 300] };
      const a = await pathOnce(new LassoNetRegressor(options), X, y);
      const b = await pathOnce(new LassoNetRegressor(options), X, y);
      expect(summary(b)).toEqual(summary(a));
      const full = await pathOnce(
        new LassoNetRegressor({ ...options, batchSize: undefined }),
        X,
        y,
      );
      expect(summary(full)).not.toEqual(summary(a));
      // Backtracking keeps the best epoch: the same dense trajectory ends no higher.
      const plain = { ...QUICK, lambdaSeq: [] as number[], patience: 3 };
      const last = (await pathOnce(new LassoNetRegressor(plain), X, y))[0] as PathStep;
      const best = (
        await pathOnce(new LassoNetRegressor({ ...plain, backtrack: true }), X, y)
      )[0] as PathStep;
      expect(best.valObjective).toBeLessThanOrEqual(last.valObjective);
      expect(best.epochs).toBe(last.epochs);
    }, 120_000);

    it('interval-censored regression learns the ordering of survival times', async () => {
      const { X, y } = intervalData([0.8, -0.6, 0, 0], { seed: 14 });
      const model = new LassoNetIntervalRegressor(QUICK);
      await model.fit(X, y, { denseOnly: true });
      expect(model.score(X, y)).toBeGreaterThan(0.7);
      expect(model.network.logSigma).toBeInstanceOf(tf.Variable);
      model.dispose();
    }, 60_000);

    it('keeps the tensor count flat along a whole classifier path', async () => {
      const { X, y } = makeClassification({ nSamples: 90, nFeatures: 5, nClasses: 3, seed: 15 });
      const before = tf.memory().numTensors;
      const model = new LassoNetClassifier({ ...QUICK, classWeight: [1, 2, 1] });
      const path = await model.path(X, y, { returnCheckpoints: true });
      expect(path[path.length - 1]?.nSelected).toBe(0);
      const variables = model.network.variables().length;
      expect(tf.memory().numTensors).toBe(before + variables);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }, 120_000);
  });
}
