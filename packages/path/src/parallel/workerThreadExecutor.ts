import { type WorkerBackend, workerBackend } from '@lassonet/backend';
import { workerExecArgv } from '@lassonet/core';
import { ModelError } from '@lassonet/model';
import workerpool, { type Pool } from 'workerpool';
import { abortError } from '../pacer.js';
import { defaultWorkers } from './defaultWorkers.js';
import type { ExecutorRunOptions, PathExecutor } from './executor.js';
import { taskFailure } from './parallelTaskError.js';
import type { PathTask, PathTaskResult } from './pathTask.js';
import { pathTaskFromSpec, taskSpec } from './pathTaskSpec.js';

export const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** The checked `concurrency` option: an integer >= 1, or undefined. */
export function checkConcurrency(c: unknown): number | undefined {
  if (c !== undefined && (typeof c !== 'number' || !Number.isInteger(c) || c < 1)) {
    throw new ModelError(
      'INVALID_OPTION',
      `concurrency must be an integer >= 1, got ${String(c)}.`,
    );
  }
  return c;
}

/** What a `WorkerThreadExecutor` is built with. */
export interface WorkerThreadExecutorOptions {
  /**
   * Worker threads (Web Workers in browsers). Default: `defaultWorkers(tasks, cores)` for each
   * run. Give it when several runs share the executor at once.
   */
  concurrency?: number;
  /**
   * A worker script that imports a backend adapter and calls `serveLassoNetTasks()` (from
   * '@lassonet/path/worker'). Browsers need one; under Node the package's own script is used.
   */
  workerUrl?: string | URL;
}

/**
 * Trains each path in a worker thread under Node, or a Web Worker in browsers (through
 * workerpool), on the backend active where `run` is called. The threads stay up between runs,
 * so their start-up is paid once: `close()` stops them.
 */
export class WorkerThreadExecutor implements PathExecutor {
  readonly concurrency: number | undefined;
  readonly workerUrl: string | URL | undefined;
  private pool: Pool | undefined;
  private poolSize = 0;
  private running = 0;

  constructor(options: WorkerThreadExecutorOptions = {}) {
    const c = checkConcurrency(options.concurrency);
    if (!isNode && options.workerUrl === undefined) {
      throw new ModelError(
        'INVALID_OPTION',
        "WorkerThreadExecutor needs workerUrl in a browser: a worker script that imports a backend adapter and calls serveLassoNetTasks() from '@lassonet/path/worker'.",
      );
    }
    this.concurrency = c;
    this.workerUrl = options.workerUrl;
  }

  async run(
    tasks: readonly PathTask[],
    options: ExecutorRunOptions = {},
  ): Promise<PathTaskResult[]> {
    const { signal, onTaskDone } = options;
    if (signal?.aborted) throw abortError(signal);
    // A task that cannot cross to a thread is the caller's error, named before any is sent.
    for (const task of tasks) pathTaskFromSpec(taskSpec(task), task.X, task.y);
    const backend = activeBackend();
    const size = this.concurrency ?? defaultWorkers(tasks.length, Math.max(1, workerpool.cpus));
    const pool = this.poolOf(size);
    this.running++;
    const running = tasks.map((task) => pool.exec('runTask', [backend, task]));
    let failure: unknown;
    const stop = (reason: unknown) => {
      if (failure !== undefined) return;
      failure = reason;
      for (const p of running) p.cancel();
    };
    const onAbort = () => stop(abortError(signal as AbortSignal));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const settled = await Promise.allSettled(
        running.map(async (p, index) => {
          let result: PathTaskResult;
          try {
            result = (await p) as PathTaskResult;
          } catch (error) {
            stop(taskFailure(index, tasks.length, error));
            throw error;
          }
          try {
            onTaskDone?.(index, result);
          } catch (error) {
            // The caller's own callback failed: its error, as it is, stops the rest.
            stop(error);
            throw error;
          }
          return result;
        }),
      );
      if (failure !== undefined) throw failure;
      return settled.map((s) => (s as PromiseFulfilledResult<PathTaskResult>).value);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.running--;
    }
  }

  /** Stops every worker thread; a later run starts new ones. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.terminate(true);
  }

  /** The pool, with `size` workers unless a run is using the current one. */
  private poolOf(size: number): Pool {
    if (this.pool !== undefined && (this.poolSize === size || this.running > 0)) return this.pool;
    void this.pool?.terminate(true);
    this.poolSize = size;
    this.pool = workerpool.pool(workerScript(this.workerUrl), {
      maxWorkers: size,
      workerType: isNode ? 'thread' : 'web',
      ...(isNode
        ? { workerThreadOpts: { execArgv: workerExecArgv() } }
        : { workerOpts: { type: 'module' } }),
    });
    return this.pool;
  }
}

function workerScript(workerUrl: string | URL | undefined): string {
  const script = String(workerUrl ?? new URL('./nodeWorker.js', import.meta.url));
  if (!isNode || !script.startsWith('file:')) return script;
  // Node's Worker takes a path, not a file: URL. getBuiltinModule keeps node:url out of
  // browser bundles.
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  return fileURLToPath(script);
}

function activeBackend(): WorkerBackend {
  const backend = workerBackend();
  if (backend === undefined) {
    throw new ModelError(
      'INVALID_OPTION',
      'No tensor backend is active: call useBackend() before running paths in workers.',
    );
  }
  return backend;
}
