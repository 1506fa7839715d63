import {
  type BackendAdapter,
  BackendError,
  DENSE_RELU,
  type HostMemory,
  hostKernelFunc,
  INPUT_PRODUCT,
  registerAdapter,
  setTfBackend,
  tf,
} from '@lassonet/backend';
import { type BackendWasm, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { denseReluWasm } from './denseRelu.js';
import { inputProductWasm } from './inputProduct.js';
import { defaultWasmPaths, type WasmPaths } from './wasmPaths.js';

export interface WasmAdapterOptions {
  /**
   * Where to load the .wasm binaries from: a prefix ending in '/' (a directory under Node, a
   * URL in a browser) or one location per file. Default: found automatically.
   */
  wasmPaths?: WasmPaths;
  /** Number of threads where the browser allows them (cross-origin isolated pages). */
  threads?: number;
}

// tfjs reads the binaries' location once, when the wasm backend first initialises.
let configuredBy: WasmAdapterOptions | undefined;

function configure(options: WasmAdapterOptions): void {
  if (configuredBy !== undefined) {
    if (configuredBy !== options && options.wasmPaths !== undefined) {
      throw new BackendError(
        'WASM_ALREADY_CONFIGURED',
        'The wasm backend was already initialised; its .wasm location can only be set before the first activation.',
      );
    }
    return;
  }
  const paths = options.wasmPaths ?? defaultWasmPaths();
  setWasmPaths(paths);
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new BackendError(
        'INVALID_OPTION',
        `threads must be a positive integer, got ${options.threads}.`,
      );
    }
    setThreadsCount(options.threads);
  }
  configuredBy = options;
}

/** Every tensor lives in the WebAssembly heap: host kernels work on views of it. */
const wasmMemory: HostMemory = {
  view(backend, info) {
    return (backend as BackendWasm).typedArrayFromHeap(info) as Float32Array;
  },
  allocate(backend, shape) {
    return (backend as BackendWasm).makeOutput(shape, 'float32');
  },
  free(backend, info) {
    (backend as BackendWasm).disposeData(info.dataId, true);
  },
};

/** An adapter for tfjs' WebAssembly backend with custom options. */
export function createWasmAdapter(options: WasmAdapterOptions = {}): BackendAdapter {
  return {
    name: 'wasm',
    packageName: '@lassonet/backend-wasm',
    moduleUrl: import.meta.url,
    async probe() {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
        return { available: false, reason: 'this environment has no WebAssembly support' };
      }
      return { available: true };
    },
    async activate() {
      configure(options);
      await setTfBackend('wasm');
    },
    hostKernel(kernel) {
      return hostKernelFunc(kernel, wasmMemory);
    },
  };
}

/** The adapter for tfjs' WebAssembly backend, locating its binaries by itself. */
export const wasm: BackendAdapter = createWasmAdapter();

registerAdapter(wasm);

// LassoNet's dense layers and input gradients run as this backend's own kernels, as tfjs' ops do.
if (tf.getKernel(DENSE_RELU, 'wasm') === undefined) {
  tf.registerKernel({ kernelName: DENSE_RELU, backendName: 'wasm', kernelFunc: denseReluWasm });
}
if (tf.getKernel(INPUT_PRODUCT, 'wasm') === undefined) {
  tf.registerKernel({
    kernelName: INPUT_PRODUCT,
    backendName: 'wasm',
    kernelFunc: inputProductWasm,
  });
}

/** Whether the active wasm module uses SIMD instructions. */
export async function wasmFeatures(): Promise<{ simd: boolean; threads: boolean }> {
  const env = tf.env();
  return {
    simd: Boolean(await env.getAsync('WASM_HAS_SIMD_SUPPORT')),
    threads: Boolean(await env.getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}

export { defaultWasmPaths, WASM_FILES, type WasmFileName, type WasmPaths } from './wasmPaths.js';
export default wasm;
