import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { makeClassification } from '@lassonet/datasets';
import { ModelError } from '@lassonet/model';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PathTask } from './pathTask.js';
import { ParallelTaskError, runPathTasks } from './runPathTasks.js';

// Workers run the built package (a worker thread cannot load TypeScript sources).
const workerUrl = new URL('../../dist/parallel/nodeWorker.js', import.meta.url);

const data = makeClassification({
  nSamples: 150,
  nFeatures: 6,
  nInformative: 2,
  nClasses: 3,
  classSep: 2,
  seed: 1,
});
const X = { data: Float32Array.from(data.X.flat()), shape: [150, 6] as [number, number] };
const rows = [...Array(150).keys()];
const task = (fold: number, y: number[] = data.y): PathTask => ({
  kind: 'classifier',
  options: { hiddenDims: [8], nIters: [60, 8], patience: [5, 3], pathMultiplier: 1.15, seed: fold },
  X,
  y,
  train: rows.filter((i) => i % 3 !== fold),
  test: rows.filter((i) => i % 3 === fold),
});
const tasks = [task(0), task(1), task(2)];

/** Worker threads still open in this process (each keeps a MessagePort alive). */
const openPorts = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

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

  it('reports a path that fails in its worker, and leaves no worker running', async () => {
    const bad = data.y.map((v, i) => (i === 4 ? -1 : v));
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
