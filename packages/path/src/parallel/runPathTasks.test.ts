import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { cpus } from 'node:os';
import { ModelError } from '@lassonet/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationFolds } from '../test-utils/foldTasks.js';
import { nodeWorkerUrl } from '../test-utils/inWorkers.js';
import { defaultWorkers } from './defaultWorkers.js';
import { ParallelTaskError } from './parallelTaskError.js';
import { runPathTasks } from './runPathTasks.js';

const workerUrl = nodeWorkerUrl;

const { y: labels, task } = classificationFolds(
  { nSamples: 150, nFeatures: 6, nClasses: 3, seed: 1 },
  3,
  { hiddenDims: [8], nIters: [60, 8], patience: [5, 3], pathMultiplier: 1.15 },
);
const tasks = [task(0), task(1), task(2)];

/** Worker threads still open in this process (each keeps a MessagePort alive). */
const openPorts = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

describe('defaultWorkers', () => {
  it('takes one worker per core, or more where that shortens the last round of paths', () => {
    // [paths, cores, workers]: 5 folds on 2 cores finish in 2.5 path lengths with 3 workers
    // (3 sharing 2 cores, then 2) against 3 with 2 workers (2 + 2 + 1).
    const cases: [number, number, number][] = [
      [5, 2, 3],
      [3, 2, 3],
      [4, 2, 2],
      [20, 2, 2],
      [10, 4, 5],
      [5, 4, 5],
      [1, 8, 1],
      [2, 8, 2],
      [7, 1, 1],
    ];
    for (const [n, cores, workers] of cases) {
      expect(defaultWorkers(n, cores), `${n} paths on ${cores} cores`).toBe(workers);
    }
  });

  it('never takes more than two workers per core or one per path', () => {
    for (let cores = 1; cores <= 8; cores++) {
      for (let n = 1; n <= 40; n++) {
        const w = defaultWorkers(n, cores);
        expect(w).toBeGreaterThanOrEqual(Math.min(n, cores));
        expect(w).toBeLessThanOrEqual(Math.min(n, 2 * cores));
      }
    }
  });
});

describe('runPathTasks', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('gives identical results in worker threads and in this thread, in task order', async () => {
    const sequential = await runPathTasks(tasks, { concurrency: 1 });
    const done: number[] = [];
    const parallel = await runPathTasks(tasks, {
      concurrency: 2,
      workerUrl,
      onTaskDone: (index) => done.push(index),
    });
    expect(parallel).toEqual(sequential);
    expect(done.sort()).toEqual([0, 1, 2]);
    for (const result of sequential) {
      expect(result.scores).toHaveLength(result.steps.length);
      expect(result.steps[0]?.nSelected).toBe(6);
      expect(result.steps.every((s) => s.checkpoint === undefined)).toBe(true);
    }
    expect(openPorts()).toBe(0);
  }, 120_000);

  it('starts defaultWorkers(paths, cores) workers when concurrency is not given', async () => {
    let running = 0;
    await runPathTasks(tasks, {
      workerUrl,
      onTaskDone: () => {
        running = Math.max(running, openPorts());
      },
    });
    expect(running).toBe(defaultWorkers(tasks.length, cpus().length));
    expect(openPorts()).toBe(0);
  });

  it('reports a path that fails in its worker, and leaves no worker running', async () => {
    const bad = labels.map((v, i) => (i === 4 ? -1 : v));
    const run = runPathTasks([task(0), task(1, bad), task(2)], { concurrency: 2, workerUrl });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParallelTaskError);
    expect((error as ParallelTaskError).taskIndex).toBe(1);
    expect((error as Error).message).toMatch(
      /^Path 2 of 3 failed in its worker: y\[\d+\] is -1; class labels must be integers 0..K-1\.$/,
    );
    expect(openPorts()).toBe(0);
  });

  it('stops every worker when onTaskDone throws, and rejects with its error', async () => {
    const failure = new Error('callback failed');
    const run = runPathTasks(tasks, {
      concurrency: 2,
      workerUrl,
      onTaskDone: () => {
        throw failure;
      },
    });
    await expect(run).rejects.toBe(failure);
    expect(openPorts()).toBe(0);
  });

  it('stops every worker when the signal aborts', async () => {
    const controller = new AbortController();
    const run = runPathTasks(tasks, { concurrency: 2, workerUrl, signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(openPorts()).toBe(0);
    const already = new AbortController();
    already.abort();
    await expect(runPathTasks(tasks, { signal: already.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it.each([0, 1.5, -2, Number.NaN])('rejects concurrency %s', async (concurrency) => {
    await expect(runPathTasks(tasks, { concurrency })).rejects.toThrow(
      new ModelError('INVALID_OPTION', `concurrency must be an integer >= 1, got ${concurrency}.`),
    );
  });
});
