import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { makeClassification } from '@lassonet/datasets';
import type { PathTask } from '@lassonet/path';

/**
 * Classification fold tasks on synthetic data (row i in fold i mod folds), seeded by fold. `y`
 * replaces the labels, to make a task fail.
 */
export function foldTasks(folds: number, nIters: [number, number] = [60, 8]) {
  const nSamples = 120;
  const nFeatures = 5;
  const { X, y } = makeClassification({
    nSamples,
    nFeatures,
    nClasses: 3,
    nInformative: 2,
    classSep: 2,
    seed: 3,
  });
  const packed = {
    data: Float32Array.from(X.flat()),
    shape: [nSamples, nFeatures] as [number, number],
  };
  const rows = [...Array(nSamples).keys()];
  const task = (fold: number, labels: number[] = y): PathTask => ({
    kind: 'classifier',
    options: { hiddenDims: [8], nIters, patience: [5, 3], pathMultiplier: 1.15, seed: fold },
    X: packed,
    y: labels,
    train: rows.filter((i) => i % folds !== fold),
    test: rows.filter((i) => i % folds === fold),
  });
  return { y, task, tasks: Array.from({ length: folds }, (_, f) => task(f)) };
}

/** A worker process and its event lines. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Every JSON event printed so far. */
  events: { type: string; jobId?: string }[];
  /** Resolves at the first event of this type. */
  next(type: string): Promise<void>;
  stop(): Promise<void>;
}

const script = new URL('./workerProcess.mjs', import.meta.url);

/** Starts a queue worker process on `url` and resolves once it serves the queue. */
export async function startWorkerProcess(url: string, lockMs: number): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script.pathname, url, String(lockMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: { type: string; jobId?: string }[] = [];
  const waiters: { type: string; resolve: () => void }[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line === 'ready') return ready();
    const event = JSON.parse(line) as { type: string };
    events.push(event);
    for (const w of waiters.filter((w) => w.type === event.type)) w.resolve();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([
    isReady,
    exited.then(() => {
      throw new Error('the worker process exited before it was ready');
    }),
  ]);
  return {
    child,
    events,
    next: (type) =>
      events.some((e) => e.type === type)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ type, resolve })),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
