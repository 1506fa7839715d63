export {
  ADAPTER_PACKAGES,
  AUTO_PREFERENCE,
  type BackendAdapter,
  type BackendProbe,
  type KnownBackendName,
} from './adapter.js';
export { DENSE_RELU, type DenseReluInputs, denseRelu } from './denseRelu.js';
export {
  BackendError,
  type BackendErrorCode,
  BackendNotInstalledError,
  BackendUnavailableError,
  NoBackendAvailableError,
} from './errors.js';
export { INPUT_PRODUCT, type InputProductInputs, inputProduct } from './inputProduct.js';
export {
  defineHostKernel,
  type HostKernel,
  type HostKernelDefinition,
  type HostMemory,
  hasKernel,
  hostKernelFunc,
} from './kernels.js';
export { getAdapter, registerAdapter, registeredBackends } from './registry.js';
export * from './tf.js';
export {
  availableBackends,
  backendName,
  installedBackends,
  setTfBackend,
  useBackend,
} from './useBackend.js';
export { useWorkerBackend, type WorkerBackend, workerBackend } from './workerBackend.js';
