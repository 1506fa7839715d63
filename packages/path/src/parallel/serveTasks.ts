import { getAdapter, useBackend } from '@lassonet/backend';
import workerpool from 'workerpool';
import { type PathTask, type PathTaskResult, runPathTask } from './pathTask.js';
import { pathTaskFromSpec, taskSpec } from './pathTaskSpec.js';

/** The backend a worker runs its tasks on: the one active where the tasks were started. */
export interface WorkerBackend {
  name: string;
  /** Imported first when the adapter is not registered in the worker yet (Node). */
  moduleUrl?: string;
}

let ready: Promise<void> | undefined;
let readyFor: string | undefined;

async function activate(backend: WorkerBackend): Promise<void> {
  if (getAdapter(backend.name) === undefined && backend.moduleUrl !== undefined) {
    await import(/* @vite-ignore */ backend.moduleUrl);
  }
  await useBackend(backend.name);
}

/** One task, on the given backend (activated once per worker), checked before it runs. */
export async function runTaskInWorker(
  backend: WorkerBackend,
  task: PathTask,
): Promise<PathTaskResult> {
  if (ready === undefined || readyFor !== backend.name) {
    readyFor = backend.name;
    ready = activate(backend);
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
