import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import workerUrl from '../test-utils/browserWorker.ts?worker&url';
import { classificationFolds } from '../test-utils/foldTasks.js';
import { runPathTasks } from './runPathTasks.js';

const { task } = classificationFolds({ nSamples: 60, nFeatures: 4, seed: 3 }, 2, {
  hiddenDims: [4],
  nIters: [30, 5],
  patience: [5, 3],
  pathMultiplier: 1.3,
});
const tasks = [task(0), task(1)];

describe('runPathTasks in a browser', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('runs paths in Web Workers with the same results as in the page', async () => {
    const inPage = await runPathTasks(tasks, { concurrency: 1 });
    const inWorkers = await runPathTasks(tasks, { concurrency: 2, workerUrl });
    expect(inWorkers).toEqual(inPage);
    expect(inPage[0]?.steps.at(-1)?.nSelected).toBe(0);
  });

  it('asks for a worker script before running in parallel', async () => {
    await expect(runPathTasks(tasks, { concurrency: 2 })).rejects.toThrow(/needs workerUrl/);
  });
});
