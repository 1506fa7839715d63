// Importing tfjs' CPU backend registers it with tfjs-core's engine.
import '@tensorflow/tfjs-backend-cpu';
import {
  type BackendAdapter,
  BackendError,
  type HostMemory,
  hostKernelFunc,
  registerAdapter,
  setTfBackend,
  tf,
} from '@lassonet/backend';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

/** The CPU backend keeps each tensor's values in a typed array: host kernels use those arrays. */
const cpuMemory: HostMemory = {
  view(backend, info) {
    const values = (backend as MathBackendCPU).data.get(info.dataId)?.values;
    if (!(values instanceof Float32Array)) {
      throw new BackendError('KERNEL_INPUT', 'A host kernel input holds no float32 values.');
    }
    return values;
  },
  allocate(backend, shape) {
    const size = shape.reduce((a, b) => a * b, 1);
    return (backend as MathBackendCPU).makeTensorInfo(shape, 'float32', new Float32Array(size));
  },
  free(backend, info) {
    (backend as MathBackendCPU).disposeData(info.dataId, true);
  },
};

/** The adapter for tfjs' plain JavaScript CPU backend. It can run anywhere. */
export const cpu: BackendAdapter = {
  name: 'cpu',
  packageName: '@lassonet/backend-cpu',
  moduleUrl: import.meta.url,
  async probe() {
    return { available: true };
  },
  async activate() {
    await setTfBackend('cpu');
    // On first use under Node, tfjs' CPU backend prints an advert for tfjs-node. LassoNet's
    // fast Node path is the wasm adapter, so the notice would only mislead: mark it shown.
    const backend = tf.findBackend('cpu') as { firstUse?: boolean } | null;
    if (backend !== null && backend.firstUse === true) backend.firstUse = false;
  },
  hostKernel(kernel) {
    return hostKernelFunc(kernel, cpuMemory);
  },
};

registerAdapter(cpu);

export default cpu;
