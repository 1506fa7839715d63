import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutorRunOptions, PathExecutor } from '../parallel/executor.js';
import { InProcessExecutor } from '../parallel/inProcessExecutor.js';
import type { PathTask, PathTaskResult } from '../parallel/pathTask.js';
import { StabilitySelection } from '../stability/stabilitySelection.js';
import { linearData } from '../test-utils/data.js';
import { thrown } from '../test-utils/errors.js';
import { nodeWorkerUrl } from '../test-utils/inWorkers.js';
import { SMALL } from '../test-utils/smallOptions.js';
import { LassoNetRegressorCV, type LassoNetRegressorCVOptions } from './estimatorsCV.js';

const { X, y } = linearData([2, 0, -2, 0, 1], { n: 60, noise: 0.2, seed: 3 });

const OPTIONS: LassoNetRegressorCVOptions = {
  ...SMALL,
  hiddenDims: [4],
  nIters: [60, 8],
  pathMultiplier: 1.3,
  cv: 3,
  seed: 1,
};
const STABILITY = {
  estimator: 'regressor' as const,
  options: { ...SMALL, hiddenDims: [4], nIters: [60, 8] as [number, number], pathMultiplier: 1.3 },
  nModels: 3,
  seed: 2,
};

/** An executor that records each run (its task count and options) and trains in this thread. */
function recording() {
  const inner = new InProcessExecutor();
  const runs: { tasks: number; options: ExecutorRunOptions | undefined }[] = [];
  let closed = 0;
  const executor: PathExecutor = {
    run(tasks: readonly PathTask[], options?: ExecutorRunOptions): Promise<PathTaskResult[]> {
      runs.push({ tasks: tasks.length, options });
      return inner.run(tasks, options);
    },
    async close() {
      closed++;
    },
  };
  return { executor, runs, closed: () => closed };
}

/** Everything a cross-validation fit leaves, as plain data. */
async function cvFit(options: LassoNetRegressorCVOptions) {
  const model = await new LassoNetRegressorCV({ ...OPTIONS, ...options }).fit(X, y);
  const result = {
    cv: model.cvResult(),
    folds: model.folds,
    foldPaths: model.foldPaths,
    foldRawScores: model.foldRawScores,
    refitPath: model.refitPath,
    bestSelected: model.bestSelected,
    prediction: model.predict(X),
  };
  model.dispose();
  return result;
}

beforeAll(async () => {
  await useBackend('wasm');
});

describe('the executor option of LassoNetRegressorCV', () => {
  it('gives the fit of concurrency 1, on the executor it is given, which stays open', async () => {
    const sequential = await cvFit({ concurrency: 1 });
    expect(await cvFit({ executor: new InProcessExecutor() })).toEqual(sequential);

    const { executor, runs, closed } = recording();
    const model = new LassoNetRegressorCV({ ...OPTIONS, executor });
    expect(model.executor).toBe(executor);
    expect(model.concurrency).toBeUndefined();
    const folds: number[] = [];
    await model.fit(X, y, { onFold: (f) => folds.push(f) });
    expect(runs.map((r) => r.tasks)).toEqual([3]);
    expect(typeof runs[0]?.options?.onTaskDone).toBe('function');
    expect(folds).toEqual([0, 1, 2]);
    expect(model.cvResult()).toEqual(sequential.cv);
    expect(model.predict(X)).toEqual(sequential.prediction);
    expect(closed()).toBe(0);
    model.dispose();
  }, 30_000);

  it('hands the fit signal to the executor', async () => {
    const { executor, runs } = recording();
    const controller = new AbortController();
    const model = new LassoNetRegressorCV({ ...OPTIONS, executor });
    const fit = model.fit(X, y, { signal: controller.signal, onFold: () => controller.abort() });
    await expect(fit).rejects.toMatchObject({ name: 'AbortError' });
    expect(runs[0]?.options?.signal).toBe(controller.signal);
    expect(() => model.cvResult()).toThrow(/not fitted/);
  }, 30_000);

  it('rejects an executor without a run method', () => {
    for (const executor of [{}, { run: true }, 'workers']) {
      const error = thrown(() => new LassoNetRegressorCV({ executor: executor as never }));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(/^LassoNetRegressorCV: executor must be an executor/);
    }
  });

  it('rejects an executor together with workerUrl or concurrency', () => {
    const executor = new InProcessExecutor();
    const url = thrown(() => new LassoNetRegressorCV({ executor, workerUrl: nodeWorkerUrl }));
    expect(url.code).toBe('INVALID_OPTION');
    expect(url.message).toBe(
      'LassoNetRegressorCV: give either executor or workerUrl, not both (the executor decides where paths train).',
    );
    const both = thrown(() => new LassoNetRegressorCV({ executor, concurrency: 1 }));
    expect(both.code).toBe('INVALID_OPTION');
    expect(both.message).toMatch(/^LassoNetRegressorCV: give either executor or concurrency/);
  });
});

describe('the executor option of StabilitySelection', () => {
  it('gives the result of concurrency 1: one run for the first path, then one for nModels', async () => {
    const sequential = (
      await new StabilitySelection({ ...STABILITY, concurrency: 1 }).fit(X, y)
    ).result();
    const inProcess = await new StabilitySelection({
      ...STABILITY,
      executor: new InProcessExecutor(),
    }).fit(X, y);
    expect(inProcess.result()).toEqual(sequential);

    const { executor, runs, closed } = recording();
    const selector = new StabilitySelection({ ...STABILITY, executor });
    expect(selector.executor).toBe(executor);
    const models: number[] = [];
    await selector.fit(X, y, { onModel: (index) => models.push(index) });
    expect(runs.map((r) => r.tasks)).toEqual([1, 3]);
    // Only the nModels paths are reported.
    expect(runs[0]?.options?.onTaskDone).toBeUndefined();
    expect(typeof runs[1]?.options?.onTaskDone).toBe('function');
    expect(models).toEqual([0, 1, 2]);
    expect(selector.result()).toEqual(sequential);
    expect(closed()).toBe(0);
  }, 30_000);

  it('rejects an executor without a run method', () => {
    for (const executor of [{}, { run: 'run' }, null]) {
      const error = thrown(
        () => new StabilitySelection({ ...STABILITY, executor: executor as never }),
      );
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(/^StabilitySelection: executor must be an executor/);
    }
  });

  it('rejects an executor together with workerUrl or concurrency', () => {
    const executor = new InProcessExecutor();
    const url = thrown(
      () => new StabilitySelection({ ...STABILITY, executor, workerUrl: nodeWorkerUrl }),
    );
    expect(url.code).toBe('INVALID_OPTION');
    expect(url.message).toBe(
      'StabilitySelection: give either executor or workerUrl, not both (the executor decides where paths train).',
    );
    const both = thrown(() => new StabilitySelection({ ...STABILITY, executor, concurrency: 2 }));
    expect(both.message).toMatch(/^StabilitySelection: give either executor or concurrency/);
  });
});
