import { useWorkerBackend, type WorkerBackend } from '@lassonet/backend';
import workerpool from 'workerpool';

import { type PathTask, type PathTaskResult, runPathTask } from './pathTask.js';
import { pathTaskFromSpec, taskSpec } from './pathTaskSpec.js';

/** How a task names the backend its worker activates (from @lassonet/backend). */
export type { WorkerBackend };

let ready: Promise<string> | undefined;
let readyFor: string | undefined;

/** One task, on the given backend (activated once per worker), checked before it runs. */
export async function runTaskInWorker(
  backend: WorkerBackend,
  task: PathTask,
): Promise<PathTaskResult> {
  if (ready === undefined || readyFor !== backend.name) {
    readyFor = backend.name;
    ready = useWorkerBackend(backend);
  }
  await ready;
  return runPathTask(pathTaskFromSpec(taskSpec(task), task.X, task.y));
}

/**
 * Makes this script a LassoNet worker: call it at the top level of a worker script that
 * imports the backend adapter it should use (browsers: pass the script's URL as `workerUrl`).
 */
export function serveLassoNetTasks(): void {
  workerpool.worker({ runTask: runTaskInWorker });
}
