// Importing tfjs' CPU backend registers it with tfjs-core's engine.
import '@tensorflow/tfjs-backend-cpu';
import {
  type BackendAdapter,
  registerAdapter,
  setTfBackend,
  type TypedArray,
  tf,
} from '@lassonet/backend';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

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
  hostView(tensor) {
    // The CPU backend keeps each tensor's values in a typed array: dataSync() returns that
    // very array, so the view is it.
    const backend = tf.findBackend('cpu') as MathBackendCPU | null;
    if (backend === null || !backend.data.has(tensor.dataId)) return undefined;
    const values = backend.data.get(tensor.dataId).values;
    return ArrayBuffer.isView(values) ? (values as TypedArray) : undefined;
  },
};

registerAdapter(cpu);

export default cpu;
