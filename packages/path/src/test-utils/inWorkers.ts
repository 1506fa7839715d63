import { expect } from 'vitest';

/** Where tests find the worker script: the built package (a worker thread cannot load TypeScript). */
export const nodeWorkerUrl = new URL('../../dist/parallel/nodeWorker.js', import.meta.url);

/** Two paths at once in worker threads: what a test passes to run the same work in parallel. */
export const IN_WORKERS = { concurrency: 2, workerUrl: nodeWorkerUrl } as const;

/** Runs `train` in this thread, then in worker threads, and expects the same result. */
export async function expectSameInWorkers<T>(
  train: (parallel: { concurrency: number; workerUrl?: URL }) => Promise<T>,
): Promise<void> {
  const sequential = await train({ concurrency: 1 });
  expect(await train(IN_WORKERS)).toEqual(sequential);
}
