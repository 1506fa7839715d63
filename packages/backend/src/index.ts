export {
  ADAPTER_PACKAGES,
  AUTO_PREFERENCE,
  type BackendAdapter,
  type BackendProbe,
  type KnownBackendName,
} from './adapter.js';
export {
  BackendError,
  BackendNotInstalledError,
  BackendUnavailableError,
  NoBackendAvailableError,
} from './errors.js';
export { hostView } from './hostView.js';
export { getAdapter, registerAdapter, registeredBackends } from './registry.js';
export * from './tf.js';
export {
  availableBackends,
  backendName,
  installedBackends,
  setTfBackend,
  useBackend,
} from './useBackend.js';
