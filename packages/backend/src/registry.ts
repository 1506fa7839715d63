import { ADAPTER_PACKAGES, type BackendAdapter, isKnownBackendName } from './adapter.js';
import { BackendError } from './errors.js';
import type { HostKernelDefinition } from './kernels.js';
import { tf } from './tf.js';

const adapters = new Map<string, BackendAdapter>();
/** Every host kernel defined so far, by name: adapters registered later get them too. */
const hostKernels = new Map<string, HostKernelDefinition>();

/**
 * Makes an adapter known to `useBackend`. Adapter packages call this when they are
 * imported; registering the same adapter again is a no-op.
 */
export function registerAdapter(adapter: BackendAdapter): void {
  const existing = adapters.get(adapter.name);
  if (existing !== undefined && existing !== adapter) {
    // A second, different adapter under one name would make `useBackend(name)` ambiguous.
    if (existing.packageName !== adapter.packageName) {
      throw new BackendError(
        'ADAPTER_CONFLICT',
        `Two adapters claim backend '${adapter.name}': ${existing.packageName} and ${adapter.packageName}.`,
      );
    }
  }
  adapters.set(adapter.name, adapter);
  for (const kernel of hostKernels.values()) registerHostKernel(adapter, kernel);
}

/** Registers a host kernel for every adapter that supports them, now and on registration. */
export function addHostKernel(kernel: HostKernelDefinition): void {
  if (hostKernels.has(kernel.name)) return;
  hostKernels.set(kernel.name, kernel);
  for (const adapter of adapters.values()) registerHostKernel(adapter, kernel);
}

function registerHostKernel(adapter: BackendAdapter, kernel: HostKernelDefinition): void {
  if (adapter.hostKernel === undefined) return;
  // A backend's own variant of the kernel, or an earlier registration, stays.
  if (tf.getKernel(kernel.name, adapter.name) !== undefined) return;
  tf.registerKernel({
    kernelName: kernel.name,
    backendName: adapter.name,
    kernelFunc: adapter.hostKernel(kernel),
  });
}

/** The registered adapter for `name`, if any. */
export function getAdapter(name: string): BackendAdapter | undefined {
  return adapters.get(name);
}

/** Names of the registered adapters, in registration order. */
export function registeredBackends(): string[] {
  return [...adapters.keys()];
}

/** Loads a module by specifier; replaceable in tests. */
export type ModuleLoader = (specifier: string) => Promise<unknown>;

const importModule: ModuleLoader = (specifier) => import(/* @vite-ignore */ specifier);

/**
 * Registers a known adapter by importing its package, for callers who name a backend
 * without importing its adapter first. Resolution is relative to this package, so it
 * finds adapters installed beside it (npm's flat layout). A package that is absent gives
 * `undefined`; one that is present but fails to load is an error naming the cause.
 */
export async function importKnownAdapter(
  name: string,
  load: ModuleLoader = importModule,
): Promise<BackendAdapter | undefined> {
  const registered = adapters.get(name);
  if (registered !== undefined) return registered;
  if (!isKnownBackendName(name)) return undefined;
  const specifier = ADAPTER_PACKAGES[name];
  try {
    await load(specifier);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node ("Cannot find package '…'") and browsers ("Failed to resolve module specifier
    // "…"") both name the missing specifier; anything else is a broken installation.
    if (message.includes(specifier)) return undefined;
    throw new BackendError(
      'ADAPTER_LOAD_FAILED',
      `${specifier} is installed but could not be loaded: ${message}`,
      { cause: error },
    );
  }
  return adapters.get(name);
}

/** Forgets every adapter. For tests of the registry itself. */
export function clearAdaptersForTesting(): void {
  adapters.clear();
}
