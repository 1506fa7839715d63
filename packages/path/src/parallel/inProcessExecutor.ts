import { abortError } from '../pacer.js';
import type { ExecutorRunOptions, PathExecutor } from './executor.js';
import { type PathTask, type PathTaskResult, runPathTask } from './pathTask.js';

/** Trains the paths one after another in this thread, on the active backend. */
export class InProcessExecutor implements PathExecutor {
  async run(
    tasks: readonly PathTask[],
    options: ExecutorRunOptions = {},
  ): Promise<PathTaskResult[]> {
    const { signal, onTaskDone } = options;
    if (signal?.aborted) throw abortError(signal);
    const results: PathTaskResult[] = [];
    for (const [index, task] of tasks.entries()) {
      const result = await runPathTask(task, signal === undefined ? {} : { signal });
      results.push(result);
      onTaskDone?.(index, result);
    }
    return results;
  }

  async close(): Promise<void> {}
}
