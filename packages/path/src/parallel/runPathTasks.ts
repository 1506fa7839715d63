import { ModelError } from '@lassonet/model';
import workerpool from 'workerpool';
import { defaultWorkers } from './defaultWorkers.js';
import type { ExecutorRunOptions, PathExecutor } from './executor.js';
import { InProcessExecutor } from './inProcessExecutor.js';
import type { PathTask, PathTaskResult } from './pathTask.js';
import { checkConcurrency, isNode, WorkerThreadExecutor } from './workerThreadExecutor.js';

/** How independent paths (folds, stability models, grid points) are run. */
export interface ParallelOptions extends ExecutorRunOptions {
  /**
   * Where the paths train: an executor (`InProcessExecutor`, `WorkerThreadExecutor`,
   * `BullMQExecutor` of @lassonet/queue). It stays open afterwards: close it when done. Instead
   * of `concurrency` and `workerUrl`, which build a `WorkerThreadExecutor` for the run.
   */
  executor?: PathExecutor;
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
}

/**
 * The concurrency to use for `nTasks` paths, checked; 1 means this thread. Without `nTasks`
 * the default is one worker per core.
 */
export function resolveConcurrency(
  options: Pick<ParallelOptions, 'concurrency' | 'workerUrl'>,
  nTasks?: number,
): number {
  const c = checkConcurrency(options.concurrency);
  if (c !== undefined) {
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

/**
 * Runs the tasks and returns their results in task order: on `options.executor` when given, else
 * on an executor built from `concurrency` and `workerUrl` for this run only (this thread for 1).
 */
export async function runPathTasks(
  tasks: readonly PathTask[],
  options: ParallelOptions = {},
): Promise<PathTaskResult[]> {
  const { executor, concurrency: _c, workerUrl, ...run } = options;
  if (executor !== undefined) return executor.run(tasks, run);
  const concurrency = Math.min(
    resolveConcurrency(options, tasks.length),
    Math.max(1, tasks.length),
  );
  const owned =
    concurrency === 1
      ? new InProcessExecutor()
      : new WorkerThreadExecutor({
          concurrency,
          ...(workerUrl === undefined ? {} : { workerUrl }),
        });
  try {
    return await owned.run(tasks, run);
  } finally {
    await owned.close();
  }
}

/** Where an estimator's paths train: its `executor`, or its `concurrency` and `workerUrl`. */
export type ParallelChoice = Pick<ParallelOptions, 'executor' | 'concurrency' | 'workerUrl'>;

/** The parallel options of an estimator, checked: an executor excludes the other two. */
export function parallelChoice(options: ParallelChoice, where: string): ParallelChoice {
  const { executor, concurrency, workerUrl } = options;
  if (executor !== undefined) {
    const both =
      concurrency !== undefined ? 'concurrency' : workerUrl !== undefined ? 'workerUrl' : undefined;
    if (both !== undefined) {
      throw new ModelError(
        'INVALID_OPTION',
        `${where}: give either executor or ${both}, not both (the executor decides where paths train).`,
      );
    }
    return { executor };
  }
  return {
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(workerUrl === undefined ? {} : { workerUrl }),
  };
}
