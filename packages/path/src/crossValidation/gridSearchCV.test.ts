import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { makeFriedman1 } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessExecutor } from '../parallel/inProcessExecutor.js';
import type { PathTask } from '../parallel/pathTask.js';
import { WorkerThreadExecutor } from '../parallel/workerThreadExecutor.js';
import { rejection, thrown } from '../test-utils/errors.js';
import { nodeWorkerUrl } from '../test-utils/inWorkers.js';
import { SMALL } from '../test-utils/smallOptions.js';
import { argmaxFirst } from './cvGrid.js';
import { LassoNetRegressorCV, type LassoNetRegressorCVOptions } from './estimatorsCV.js';
import { type GridCandidate, GridSearchCV } from './gridSearchCV.js';
import { type ParamGrid, parameterGrid } from './parameterGrid.js';

describe('parameterGrid', () => {
  it('lists every combination, the first option varying slowest', () => {
    expect(parameterGrid({ a: [1, 2], b: ['x', 'y', 'z'] })).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(parameterGrid({ hiddenDims: [[4], [8, 8]], M: [10] })).toEqual([
      { hiddenDims: [4], M: 10 },
      { hiddenDims: [8, 8], M: 10 },
    ]);
    // No options: one candidate, the base options alone.
    expect(parameterGrid({})).toEqual([{}]);
  });

  it('gives the union of a list of grids, in order', () => {
    expect(parameterGrid([{ a: [1, 2] }, { b: [true] }, { a: [3], c: [null, 0] }])).toEqual([
      { a: 1 },
      { a: 2 },
      { b: true },
      { a: 3, c: null },
      { a: 3, c: 0 },
    ]);
    expect(parameterGrid([{ a: [1] }])).toEqual(parameterGrid({ a: [1] }));
  });

  it.each([
    [[], 'paramGrid is empty.'],
    [{ a: [1], b: [] }, 'paramGrid.b must be a non-empty array of values to try, got [].'],
    [{ a: 3 }, 'paramGrid.a must be a non-empty array of values to try, got 3.'],
    [[{ a: [1] }, null], 'paramGrid must map option names to arrays of values, got null.'],
    [[[1]], 'paramGrid must map option names to arrays of values, got [1].'],
  ])('rejects %j', (grid, message) => {
    const error = thrown(() => parameterGrid(grid as unknown as ParamGrid));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(message);
  });
});

const { X, y } = makeFriedman1({ nSamples: 120, nFeatures: 6, noise: 0.5, seed: 7 });

/** The options every candidate shares (in this thread: worker threads load the built package). */
const BASE: LassoNetRegressorCVOptions = {
  cv: 3,
  nIters: [40, 6],
  patience: [5, 3],
  pathMultiplier: 1.2,
  seed: 2,
  optimizer: SMALL.optimizer,
};
const GRID = { hiddenDims: [[4], [8]], M: [10, 30] };
const PARAMS = [
  { hiddenDims: [4], M: 10 },
  { hiddenDims: [4], M: 30 },
  { hiddenDims: [8], M: 10 },
  { hiddenDims: [8], M: 30 },
];

/** Everything a grid search leaves, as plain data. */
function snapshot(search: GridSearchCV) {
  return {
    candidates: search.candidates,
    bestCandidate: search.bestCandidate,
    bestParams: search.bestParams,
    bestLambda: search.bestLambda,
    bestCvScore: search.bestCvScore,
    bestSelected: search.bestSelected,
    cv: search.best.cvResult(),
    refitPath: search.best.refitPath,
    prediction: search.predict(X),
  };
}

describe('GridSearchCV on wasm', () => {
  let reference: ReturnType<typeof snapshot>;
  /** Each candidate cross-validated on its own, in grid order. */
  let alone: LassoNetRegressorCV[];
  const folds: [number, number][] = [];

  beforeAll(async () => {
    await useBackend('wasm');
    const search = new GridSearchCV({
      estimator: 'regressor',
      options: { ...BASE, concurrency: 1 },
      paramGrid: GRID,
    });
    await search.fit(X, y, { onFold: (candidate, fold) => folds.push([candidate, fold]) });
    reference = snapshot(search);
    search.dispose();
    alone = [];
    for (const params of PARAMS) {
      alone.push(await new LassoNetRegressorCV({ ...BASE, ...params, concurrency: 1 }).fit(X, y));
    }
  }, 60_000);

  it('scores every candidate, in grid order, as its own cross-validation would', () => {
    const candidates = reference.candidates as GridCandidate[];
    expect(candidates).toHaveLength(4);
    expect(candidates.map((c) => c.params)).toEqual(PARAMS);
    candidates.forEach((candidate, c) => {
      const cv = alone[c] as LassoNetRegressorCV;
      expect(candidate.bestCvScore, `candidate ${c}`).toBe(cv.bestCvScore);
      expect(candidate.bestLambda, `candidate ${c}`).toBe(cv.bestLambda);
      expect(candidate.bestIndex, `candidate ${c}`).toBe(cv.bestIndex);
      expect(candidate.lambdas, `candidate ${c}`).toEqual(cv.lambdas);
      expect(candidate.meanScores, `candidate ${c}`).toEqual(cv.meanScores);
      expect(candidate.meanScores[candidate.bestIndex]).toBe(candidate.bestCvScore);
    });
    // The grid changes the curves: the candidates are not all the same model.
    expect(new Set(candidates.map((c) => c.bestCvScore)).size).toBeGreaterThan(1);
  });

  it('refits the candidate with the best mean held-out score (the first on ties)', () => {
    const candidates = reference.candidates as GridCandidate[];
    const scores = candidates.map((c) => c.bestCvScore);
    const best = argmaxFirst(scores);
    expect(reference.bestCandidate).toBe(best);
    expect(scores.every((s) => s <= (scores[best] as number))).toBe(true);
    expect(scores.slice(0, best).every((s) => s < (scores[best] as number))).toBe(true);
    expect(reference.bestParams).toEqual(PARAMS[best]);
    expect(reference.bestCvScore).toBe(scores[best]);
    expect(reference.bestLambda).toBe(candidates[best]?.bestLambda);

    // The refit is the one the best candidate's own cross-validation makes.
    const own = alone[best] as LassoNetRegressorCV;
    expect(reference.cv).toEqual(own.cvResult());
    expect(reference.refitPath).toEqual(own.refitPath);
    expect(reference.bestSelected).toEqual(own.bestSelected);
    expect(reference.bestSelected.length).toBeGreaterThan(0);
    expect(reference.prediction).toEqual(own.predict(X));
    expect(reference.prediction).toHaveLength(X.length);
  });

  it('reports every fold of every candidate once', () => {
    expect(folds).toHaveLength(12);
    const expected = PARAMS.flatMap((_, c) => [0, 1, 2].map((f) => [c, f]));
    expect([...folds].sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(expected);
  });

  it('gives the same result with its folds in worker threads', async () => {
    const executor = new WorkerThreadExecutor({ concurrency: 2, workerUrl: nodeWorkerUrl });
    try {
      const search = new GridSearchCV({
        estimator: 'regressor',
        options: { ...BASE, executor },
        paramGrid: GRID,
      });
      await search.fit(X, y);
      expect(snapshot(search)).toEqual(reference);
      expect(search.score(X, y)).toBe(
        (alone[reference.bestCandidate as number] as LassoNetRegressorCV).score(X, y),
      );
      search.dispose();
    } finally {
      await executor.close();
    }
  }, 60_000);

  it('trains the folds of all candidates as one run on the given executor; the first tie wins', async () => {
    const inner = new InProcessExecutor();
    const runs: number[] = [];
    const executor = {
      run: (tasks: readonly PathTask[], options?: Parameters<InProcessExecutor['run']>[1]) => {
        runs.push(tasks.length);
        return inner.run(tasks, options);
      },
    };
    const before = tf.memory().numTensors;
    const search = new GridSearchCV({
      estimator: 'regressor',
      options: { ...BASE, executor },
      // The same candidate twice: a tie.
      paramGrid: [
        { hiddenDims: [[4]], M: [10] },
        { hiddenDims: [[4]], M: [10] },
      ],
    });
    await search.fit(X, y);
    expect(runs).toEqual([6]);
    expect(search.candidates).toEqual([reference.candidates?.[0], reference.candidates?.[0]]);
    expect(search.bestCandidate).toBe(0);
    expect(search.bestParams).toEqual(PARAMS[0]);
    // One refitted network, freed by dispose.
    const fitted = tf.memory().numTensors;
    expect(fitted).toBeGreaterThan(before);

    // An aborted fit keeps the previous one.
    const previous = { candidates: search.candidates, prediction: search.predict(X) };
    const controller = new AbortController();
    const aborted = search.fit(X, y, {
      signal: controller.signal,
      onFold: () => controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(runs).toEqual([6, 6]);
    expect({ candidates: search.candidates, prediction: search.predict(X) }).toEqual(previous);
    expect(search.bestCandidate).toBe(0);
    expect(tf.memory().numTensors).toBe(fitted);
    search.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('GridSearchCV options', () => {
  it('names the candidate whose options are invalid', () => {
    const error = thrown(
      () => new GridSearchCV({ estimator: 'regressor', options: BASE, paramGrid: { M: [10, -1] } }),
    );
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/^paramGrid candidate \{"M":-1\}: /);
    expect(error.message).toContain('M must be a finite number > 0, got -1.');
    const unknown = thrown(
      () => new GridSearchCV({ estimator: 'regressor', paramGrid: { hiddenDim: [[4]] } }),
    );
    expect(unknown.code).toBe('UNKNOWN_OPTION');
    expect(unknown.message).toMatch(/^paramGrid candidate \{"hiddenDim":\[4\]\}: Unknown option/);
  });

  it('rejects cross-validation options in the grid', () => {
    for (const name of ['cv', 'concurrency', 'executor']) {
      const error = thrown(
        () => new GridSearchCV({ estimator: 'regressor', paramGrid: { [name]: [3] } }),
      );
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toContain(`give ${name} in options`);
    }
  });

  it('rejects an executor together with concurrency or workerUrl', () => {
    const executor = new InProcessExecutor();
    const both = thrown(
      () =>
        new GridSearchCV({
          estimator: 'regressor',
          options: { executor, concurrency: 2 },
          paramGrid: { M: [10] },
        }),
    );
    expect(both.code).toBe('INVALID_OPTION');
    expect(both.message).toMatch(/^GridSearchCV: give either executor or concurrency, not both/);
    const url = thrown(
      () =>
        new GridSearchCV({
          estimator: 'regressor',
          options: { executor, workerUrl: nodeWorkerUrl },
          paramGrid: { M: [10] },
        }),
    );
    expect(url.message).toMatch(/^GridSearchCV: give either executor or workerUrl, not both/);
  });

  it('rejects an unknown estimator, a missing grid and unknown keys', () => {
    const kind = thrown(
      () => new GridSearchCV({ estimator: 'forest' as 'regressor', paramGrid: { M: [10] } }),
    );
    expect(kind.code).toBe('INVALID_OPTION');
    expect(kind.message).toMatch(/estimator must be one of regressor, classifier, cox, interval/);
    expect(thrown(() => new GridSearchCV({ estimator: 'regressor' } as never)).message).toMatch(
      /paramGrid/,
    );
    expect(
      thrown(() => new GridSearchCV({ estimator: 'regressor', paramGrid: {}, cv: 3 } as never))
        .code,
    ).toBe('UNKNOWN_OPTION');
  });

  it('is not fitted before fit', async () => {
    const search = new GridSearchCV({ estimator: 'regressor', paramGrid: { M: [10, 30] } });
    expect(search.paramSets).toEqual([{ M: 10 }, { M: 30 }]);
    expect(search.candidates).toBeUndefined();
    expect(search.bestCandidate).toBeUndefined();
    for (const read of [
      () => search.best,
      () => search.bestParams,
      () => search.bestCvScore,
      () => search.bestLambda,
      () => search.bestSelected,
      () => search.predict(X),
      () => search.score(X, y),
    ]) {
      const error = thrown(read);
      expect(error.code).toBe('NOT_FITTED');
      expect(error.message).toBe('This GridSearchCV is not fitted: call fit() first.');
    }
    // Disposing an unfitted search is harmless.
    search.dispose();
  });

  it('rejects unknown fit options and an aborted signal before training', async () => {
    const search = new GridSearchCV({
      estimator: 'regressor',
      options: { ...BASE, concurrency: 1 },
      paramGrid: { M: [10] },
    });
    const unknown = await rejection(search.fit(X, y, { onCandidate: () => {} } as never));
    expect(unknown.code).toBe('UNKNOWN_OPTION');
    const controller = new AbortController();
    controller.abort();
    await expect(search.fit(X, y, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(search.candidates).toBeUndefined();
  });
});
