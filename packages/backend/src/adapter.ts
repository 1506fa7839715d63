import type { HostKernelDefinition } from './kernels.js';
import type { KernelFunc } from './tf.js';

/** Names of the backends LassoNet ships adapters for. */
export type KnownBackendName = 'cpu' | 'wasm' | 'webgl';

/** The outcome of asking an adapter whether it can run in the current environment. */
export type BackendProbe = { available: true } | { available: false; reason: string };

/**
 * What a backend adapter provides. Adapters live in their own packages
 * (`@lassonet/backend-cpu`, `-wasm`, `-webgl`) and register themselves on import.
 */
export interface BackendAdapter {
  /** The tfjs backend name the adapter activates, for example `'wasm'`. */
  readonly name: string;
  /** The npm package that provides the adapter, used in error messages. */
  readonly packageName: string;
  /**
   * Optional: the URL of the module that registers this adapter. A worker thread imports it to
   * run on the same backend as the thread that started it.
   */
  readonly moduleUrl?: string;
  /** Whether the backend can run here; when it cannot, says why. Never throws. */
  probe(): Promise<BackendProbe>;
  /** Makes this backend the active tfjs backend. Rejects with a `BackendError` on failure. */
  activate(): Promise<void>;
  /**
   * Optional, for backends that keep tensors in main memory (cpu, wasm): the tfjs kernel function
   * that runs a host kernel over this backend's own storage, without copying. Build it with
   * `hostKernelFunc(kernel, memory)`. Every kernel made with `defineHostKernel` is registered
   * for every adapter that has this method; backends without it run the kernel's composite.
   */
  hostKernel?(kernel: HostKernelDefinition): KernelFunc;
}

/** Order in which `useBackend('auto')` tries the backends: fastest first. */
export const AUTO_PREFERENCE: readonly KnownBackendName[] = ['webgl', 'wasm', 'cpu'];

/** The package that provides each known adapter. */
export const ADAPTER_PACKAGES: Readonly<Record<KnownBackendName, string>> = {
  cpu: '@lassonet/backend-cpu',
  wasm: '@lassonet/backend-wasm',
  webgl: '@lassonet/backend-webgl',
};

export function isKnownBackendName(name: string): name is KnownBackendName {
  return Object.hasOwn(ADAPTER_PACKAGES, name);
}
