import { getAdapter } from './registry.js';
import type { Tensor, TypedArray } from './tf.js';
import { backendName } from './useBackend.js';

/**
 * The values of `tensor` without copying them, where the active backend keeps them in main
 * memory (cpu, wasm): a typed array over the backend's own storage. `undefined` where they live
 * elsewhere (webgl keeps them on the GPU), for string tensors, or when the adapter offers no
 * views; fall back to `dataSync()` then.
 *
 * Reading a large tensor with `dataSync()` allocates a fresh copy, and on some machines fresh
 * memory costs more than the computation. Two rules keep a view safe:
 * - use it at once: the next tensor operation may move the storage (wasm memory grows);
 * - write only to a tensor you have just created and not shared: tensors made by reshape or
 *   assign can share storage, and the view changes every one of them.
 */
export function hostView(tensor: Tensor): TypedArray | undefined {
  if (tensor.isDisposed || tensor.dtype === 'string' || tensor.dtype === 'complex64') {
    return undefined;
  }
  const name = backendName();
  return name === undefined ? undefined : getAdapter(name)?.hostView?.(tensor);
}
