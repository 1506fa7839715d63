import { BackendError, type KernelFunc, tf } from '@lassonet/backend';

/** One of the wasm backend's own kernel functions, to compose without going through ops. */
export function wasmKernel(name: string): KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) {
    throw new BackendError('KERNEL_NOT_REGISTERED', `The wasm backend has no '${name}' kernel.`);
  }
  return config.kernelFunc;
}
