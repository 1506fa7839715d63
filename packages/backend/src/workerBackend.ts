import { getAdapter } from './registry.js';
import { backendName, useBackend } from './useBackend.js';

/** The backend a worker thread is to use: the one active where the work was started. */
export interface WorkerBackend {
  name: string;
  /** Under Node, the adapter's module, imported in the worker when it is not registered there. */
  moduleUrl?: string;
}

const isNode =
  typeof process !== 'undefined' &&
  (process as { versions?: { node?: string } }).versions?.node !== undefined;

/** The active backend, described for a worker thread; `undefined` when none is active. */
export function workerBackend(): WorkerBackend | undefined {
  const name = backendName();
  if (name === undefined) return undefined;
  const moduleUrl = getAdapter(name)?.moduleUrl;
  // A browser worker imports its own adapter: the page's module URL would be a bundle chunk.
  return isNode && moduleUrl !== undefined ? { name, moduleUrl } : { name };
}

/** Activates `backend` in a worker thread, importing its adapter first where needed. */
export async function useWorkerBackend(backend: WorkerBackend): Promise<string> {
  if (getAdapter(backend.name) === undefined && backend.moduleUrl !== undefined) {
    await import(/* @vite-ignore */ backend.moduleUrl);
  }
  return useBackend(backend.name);
}
