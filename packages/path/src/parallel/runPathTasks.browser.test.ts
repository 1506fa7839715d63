import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import { makeClassification } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import workerUrl from '../test-utils/browserWorker.ts?worker&url';
import type { PathTask } from './pathTask.js';
import { runPathTasks } from './runPathTasks.js';

const data = makeClassification({
  nSamples: 60,
  nFeatures: 4,
  nInformative: 2,
  classSep: 2,
  seed: 3,
});
const X = { data: Float32Array.from(data.X.flat()), shape: [60, 4] as [number, number] };
const rows = [...Array(60).keys()];
const tasks: PathTask[] = [0, 1].map((fold) => ({
  kind: 'classifier',
  options: { hiddenDims: [4], nIters: [30, 5], patience: [5, 3], pathMultiplier: 1.3, seed: fold },
  X,
  y: data.y,
  train: rows.filter((i) => i % 2 !== fold),
  test: rows.filter((i) => i % 2 === fold),
}));

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
