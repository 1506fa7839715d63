import { backendName, getAdapter } from '@lassonet/backend';
import { LassoNetError } from '@lassonet/core';
import { ModelError } from '@lassonet/model';
import workerpool from 'workerpool';
import { abortError } from '../pacer.js';
import { type PathTask, type PathTaskResult, runPathTask } from './pathTask.js';
import type { WorkerBackend } from './serveTasks.js';

/** How independent paths (folds, stability models) are run. */
export interface ParallelOptions {
  /**
   * Paths trained at once, each in its own worker (worker threads under Node, Web Workers in
   * browsers). Default under Node, and in browsers when `workerUrl` is given: `defaultWorkers`
   * for the number of paths and of cores (one per core, or a few more when that shortens the
   * last round); else 1. 1 trains them one after another in this thread. Results are the same
   * either way.
   */
  concurrency?: number;
  /**
   * A worker script that imports a backend adapter and calls `serveLassoNetTasks()` (from
   * '@lassonet/path/worker'). Browsers need one for concurrency; under Node the package's own
   * script is used by default.
   */
  workerUrl?: string | URL;
  /** Aborting stops every path and worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called as each path finishes (in any order), with its index in the task list. */
  onTaskDone?: (index: number, result: PathTaskResult) => void;
}

/** A path that failed in its worker: which one, and why (the worker's error is the cause). */
export class ParallelTaskError extends LassoNetError<'TASK_FAILED'> {
  constructor(
    readonly taskIndex: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('TASK_FAILED', message, options);
  }
}

const isNode = typeof process !== 'undefined' && process.versions?.node !== undefined;

/**
 * Workers for `nTasks` paths of similar length on `cores` cores: the fewest, from one per core
 * up to two per core, that finish soonest. Paths run in rounds, and a round of k paths on fewer
 * than k cores shares them: with 5 paths on 2 cores, 2 workers need 3 path lengths (2 + 2 + 1),
 * 3 workers need 2.5 (3 sharing 2 cores, then 2), as many as an even split. 20 paths on 2 cores
 * keep 2 workers: more would not shorten anything.
 */
export function defaultWorkers(nTasks: number, cores: number): number {
  const c = Math.max(1, Math.floor(cores));
  if (nTasks <= c) return Math.max(1, nTasks);
  let best = c;
  let bestTime = Number.POSITIVE_INFINITY;
  for (let w = c; w <= Math.min(nTasks, 2 * c); w++) {
    let time = 0;
    for (let left = nTasks; left > 0; left -= w) time += Math.max(1, Math.min(w, left) / c);
    if (time < bestTime - 1e-9) {
      best = w;
      bestTime = time;
    }
  }
  return best;
}

/**
 * The concurrency to use for `nTasks` paths, checked; 1 means this thread. Without `nTasks`
 * the default is one worker per core.
 */
export function resolveConcurrency(options: ParallelOptions, nTasks?: number): number {
  const c = options.concurrency;
  if (c !== undefined) {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) {
      throw new ModelError(
        'INVALID_OPTION',
        `concurrency must be an integer >= 1, got ${String(c)}.`,
      );
    }
    if (c > 1 && !isNode && options.workerUrl === undefined) {
      throw new ModelError(
        'INVALID_OPTION',
        `concurrency ${c} needs workerUrl in a browser: a worker script that imports a backend adapter and calls serveLassoNetTasks() from '@lassonet/path/worker'.`,
      );
    }
    return c;
  }
  if (!isNode && options.workerUrl === undefined) return 1;
  const cores = Math.max(1, workerpool.cpus);
  return nTasks === undefined ? cores : defaultWorkers(nTasks, cores);
}

/** Runs the tasks and returns their results in task order. */
export async function runPathTasks(
  tasks: readonly PathTask[],
  options: ParallelOptions = {},
): Promise<PathTaskResult[]> {
  const concurrency = Math.min(
    resolveConcurrency(options, tasks.length),
    Math.max(1, tasks.length),
  );
  if (options.signal?.aborted) throw abortError(options.signal);
  if (concurrency === 1) {
    const results: PathTaskResult[] = [];
    for (const [index, task] of tasks.entries()) {
      const result = await runPathTask(
        task,
        options.signal === undefined ? {} : { signal: options.signal },
      );
      results.push(result);
      options.onTaskDone?.(index, result);
    }
    return results;
  }
  return runInWorkers(tasks, concurrency, options);
}

function workerScript(options: ParallelOptions): string {
  const script = String(options.workerUrl ?? new URL('./nodeWorker.js', import.meta.url));
  if (!isNode || !script.startsWith('file:')) return script;
  // Node's Worker takes a path, not a file: URL. getBuiltinModule keeps node:url out of
  // browser bundles.
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  return fileURLToPath(script);
}

/**
 * Node flags for worker threads: the process's own, except those that only apply to a main
 * script given inline (`node --input-type=module -e …` would stop every worker from starting).
 */
function workerExecArgv(): string[] {
  const argv: string[] = [];
  const flags = process.execArgv;
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] as string;
    if (flag.startsWith('--input-type=')) continue;
    if (flag === '--input-type') {
      i++;
      continue;
    }
    argv.push(flag);
  }
  return argv;
}

function activeBackend(): WorkerBackend {
  const name = backendName();
  if (name === undefined) {
    throw new ModelError(
      'INVALID_OPTION',
      'No tensor backend is active: call useBackend() before running paths in workers.',
    );
  }
  const moduleUrl = getAdapter(name)?.moduleUrl;
  // A browser worker imports its own adapter: the page's module URL would be a bundle chunk.
  return isNode && moduleUrl !== undefined ? { name, moduleUrl } : { name };
}

async function runInWorkers(
  tasks: readonly PathTask[],
  concurrency: number,
  options: ParallelOptions,
): Promise<PathTaskResult[]> {
  const backend = activeBackend();
  const pool = workerpool.pool(workerScript(options), {
    maxWorkers: concurrency,
    workerType: isNode ? 'thread' : 'web',
    ...(isNode
      ? { workerThreadOpts: { execArgv: workerExecArgv() } }
      : { workerOpts: { type: 'module' } }),
  });
  const running = tasks.map((task) => pool.exec('runTask', [backend, task]));
  let failure: unknown;
  const stop = (reason: unknown) => {
    if (failure !== undefined) return;
    failure = reason;
    for (const p of running) p.cancel();
  };
  const onAbort = () => stop(abortError(options.signal as AbortSignal));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const settled = await Promise.allSettled(
      running.map(async (p, index) => {
        let result: PathTaskResult;
        try {
          result = (await p) as PathTaskResult;
        } catch (error) {
          stop(
            new ParallelTaskError(
              index,
              `Path ${index + 1} of ${tasks.length} failed in its worker: ${error instanceof Error ? error.message : String(error)}`,
              { cause: error },
            ),
          );
          throw error;
        }
        try {
          options.onTaskDone?.(index, result);
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
    options.signal?.removeEventListener('abort', onAbort);
    await pool.terminate(true);
  }
}
