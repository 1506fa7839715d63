import {
  ADAPTER_PACKAGES,
  AUTO_PREFERENCE,
  type BackendAdapter,
  isKnownBackendName,
} from './adapter.js';
import {
  BackendError,
  BackendNotInstalledError,
  BackendUnavailableError,
  NoBackendAvailableError,
} from './errors.js';
import { getAdapter, importKnownAdapter, registerAdapter, registeredBackends } from './registry.js';
import { tf } from './tf.js';

// Activations run one at a time: tfjs has one global engine and switching backends
// concurrently would leave it in whichever state finished last.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Activates a backend and resolves to its name.
 *
 * - an adapter object: registers and activates it;
 * - a name (`'cpu'`, `'wasm'`, `'webgl'`): activates the registered adapter of that name,
 *   importing the matching `@lassonet/backend-*` package if it has not been imported;
 * - `'auto'`: the first of webgl, wasm, cpu that is installed and can run here.
 *
 * Rejects with `BackendNotInstalledError`, `BackendUnavailableError` or
 * `NoBackendAvailableError`, whose messages name what is available.
 */
export function useBackend(backend: BackendAdapter | string = 'auto'): Promise<string> {
  const run = queue.then(() => activate(backend));
  queue = run.catch(() => undefined);
  return run;
}

/** The name of the active tfjs backend, or `undefined` when none has been activated yet. */
export function backendName(): string | undefined {
  // tfjs' getBackend() reads the engine's current name without initialising anything.
  const name: string | null = tf.getBackend();
  return name ?? undefined;
}

/** Names of the installed adapters (registered, or importable beside this package). */
export async function installedBackends(): Promise<string[]> {
  for (const name of AUTO_PREFERENCE) await importKnownAdapter(name);
  return registeredBackends();
}

/** Names of the installed adapters whose backend can run in this environment. */
export async function availableBackends(): Promise<string[]> {
  const names = await installedBackends();
  const available: string[] = [];
  for (const name of names) {
    const adapter = getAdapter(name);
    if (adapter !== undefined && (await adapter.probe()).available) available.push(name);
  }
  return available;
}

async function activate(backend: BackendAdapter | string): Promise<string> {
  if (typeof backend !== 'string') {
    registerAdapter(backend);
    return activateAdapter(backend);
  }
  if (backend === 'auto') return activateAuto();
  const adapter = await importKnownAdapter(backend);
  if (adapter === undefined) {
    const hint = isKnownBackendName(backend)
      ? `Install ${ADAPTER_PACKAGES[backend]} and import it once (import '${ADAPTER_PACKAGES[backend]}').`
      : `Known backends are ${Object.keys(ADAPTER_PACKAGES).join(', ')}, or pass an adapter object.`;
    throw new BackendNotInstalledError(backend, await installedBackends(), hint);
  }
  return activateAdapter(adapter);
}

async function activateAdapter(adapter: BackendAdapter): Promise<string> {
  if (backendName() === adapter.name) return adapter.name;
  const probe = await adapter.probe();
  if (!probe.available) {
    throw new BackendUnavailableError(adapter.name, probe.reason, await availableBackends());
  }
  try {
    await adapter.activate();
  } catch (error) {
    if (error instanceof BackendError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackendUnavailableError(adapter.name, reason, await availableBackends(), error);
  }
  return adapter.name;
}

async function activateAuto(): Promise<string> {
  const installed = await installedBackends();
  const order = [
    ...AUTO_PREFERENCE.filter((name) => installed.includes(name)),
    ...installed.filter((name) => !(AUTO_PREFERENCE as readonly string[]).includes(name)),
  ];
  const failures: string[] = [];
  for (const name of order) {
    const adapter = getAdapter(name);
    if (adapter === undefined) continue;
    const probe = await adapter.probe();
    if (!probe.available) {
      failures.push(`${name}: ${probe.reason}`);
      continue;
    }
    try {
      await adapter.activate();
      return name;
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new NoBackendAvailableError(failures);
}

/**
 * Makes an already registered tfjs backend active. Adapters call this from `activate()`:
 * tfjs' `setBackend` reports a failed initialisation by resolving to `false`, which this
 * turns into an error.
 */
export async function setTfBackend(name: string): Promise<void> {
  if (tf.findBackendFactory(name) === null) {
    throw new BackendError(
      'BACKEND_NOT_REGISTERED',
      `tfjs has no '${name}' backend registered in this environment.`,
    );
  }
  const ok = await tf.setBackend(name);
  if (!ok) {
    throw new BackendError(
      'BACKEND_INIT_FAILED',
      `tfjs could not initialise the '${name}' backend.`,
    );
  }
  await tf.ready();
}
