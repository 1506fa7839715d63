import * as v from 'valibot';
import type { PathTask, PathTaskResult } from './pathTask.js';

/** What a run of independent paths can be told. */
export interface ExecutorRunOptions {
  /** Aborting stops every path of the run; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called as each path finishes (in any order), with its index in the task list. */
  onTaskDone?: (index: number, result: PathTaskResult) => void;
}

/**
 * Runs independent paths (cross-validation folds, stability-selection models, grid points) and
 * returns their results in task order. Implementations differ only in where the paths train: in
 * this thread (`InProcessExecutor`), in local worker threads (`WorkerThreadExecutor`), or on the
 * workers of a job queue (`BullMQExecutor` of @lassonet/queue). Every task carries its own seed,
 * so the results are identical whichever runs them.
 *
 * A task that fails rejects the run once the other tasks have been stopped: with the task's own
 * error when it ran in this thread, with a `ParallelTaskError` naming the task (its cause the
 * error) when it ran in a worker.
 */
export interface PathExecutor {
  run(tasks: readonly PathTask[], options?: ExecutorRunOptions): Promise<PathTaskResult[]>;
  /** Frees what the executor holds (threads, connections). It cannot run afterwards. */
  close?(): Promise<void>;
}

/** An executor option: any object with a `run` method. */
export const executorSchema = v.custom<PathExecutor>(
  (x) => x !== null && typeof x === 'object' && typeof (x as { run?: unknown }).run === 'function',
  'must be an executor: an object with a run(tasks, options) method, such as new WorkerThreadExecutor()',
);
