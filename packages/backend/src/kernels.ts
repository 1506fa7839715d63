import { BackendError } from './errors.js';
import { addHostKernel } from './registry.js';
import {
  type KernelBackend,
  type KernelFunc,
  type NamedTensorMap,
  type Tensor,
  type TensorInfo,
  tf,
} from './tf.js';

/**
 * A custom operation computed on the host, in plain JavaScript over float32 arrays. Adapters of
 * backends that keep tensors in main memory (cpu, wasm) register it as a tfjs kernel of their
 * backend that reads and writes the tensors' own storage, so no value is copied; elsewhere
 * (webgl) the `composite` runs instead, or the host function on copies (`runOnCopies`).
 */
export interface HostKernelDefinition<Attrs extends object = object> {
  /** The tfjs kernel name, unique across packages: prefix it (`'LassoNetHierProx'`). */
  readonly name: string;
  /** The shapes of the (float32) outputs, from the inputs' shapes and the attributes. */
  outputShapes(inputShapes: readonly (readonly number[])[], attrs: Attrs): number[][];
  /**
   * Computes the outputs from the inputs, row-major. Write every element of every output (fresh
   * storage is not zeroed) and none of an input (it is the tensor's own storage). Throwing is
   * safe: the outputs are freed.
   */
  host(
    inputs: readonly Float32Array[],
    inputShapes: readonly (readonly number[])[],
    attrs: Attrs,
    outputs: readonly Float32Array[],
  ): void;
  /**
   * Optional: the same outputs with tensor ops, for backends without host storage (webgl). It
   * runs in a tidy scope: intermediate tensors are freed.
   */
  composite?(inputs: readonly Tensor[], attrs: Attrs): Tensor[];
}

/** A defined host kernel, to run on the active backend. */
export interface HostKernel<Attrs extends object = object> {
  readonly name: string;
  /** Whether the active backend has this kernel registered (cpu and wasm do, webgl does not). */
  available(): boolean;
  /**
   * Runs the kernel on the active backend: the registered kernel where there is one, else the
   * composite; one tensor per output. Without either, a BackendError KERNEL_NOT_REGISTERED.
   */
  run(inputs: readonly Tensor[], attrs: Attrs): Tensor[];
  /**
   * The host function on copies of the inputs (`dataSync`), on any backend: for backends where
   * the kernel is not registered and reading the values out beats the composite.
   */
  runOnCopies(inputs: readonly Tensor[], attrs: Attrs): Tensor[];
}

/**
 * Defines a host kernel and registers it with tfjs for every adapter that supports host kernels,
 * whether that adapter registers before or after. The first definition of a name is the one
 * registered. Op code then calls `kernel.run(inputs, attrs)` and never asks which backend runs.
 */
export function defineHostKernel<Attrs extends object>(
  definition: HostKernelDefinition<Attrs>,
): HostKernel<Attrs> {
  addHostKernel(definition as unknown as HostKernelDefinition);
  const { name } = definition;
  return {
    name,
    available: () => hasKernel(name),
    run(inputs, attrs) {
      checkInputs(name, inputs);
      if (hasKernel(name)) {
        const out = tf.engine().runKernel(name, namedInputs(inputs), attrs as never);
        return Array.isArray(out) ? out : [out];
      }
      const { composite } = definition;
      // In a tidy scope, so that a composite's intermediate tensors never leak.
      if (composite !== undefined) return tf.tidy(() => composite(inputs, attrs));
      throw new BackendError(
        'KERNEL_NOT_REGISTERED',
        `Kernel '${name}' has no implementation on backend '${tf.getBackend()}' and no composite to fall back on.`,
      );
    },
    runOnCopies(inputs, attrs) {
      checkInputs(name, inputs);
      const shapes = inputs.map((t) => t.shape);
      const outShapes = definition.outputShapes(shapes, attrs);
      const outputs = outShapes.map((shape) => new Float32Array(sizeOf(shape)));
      const values = inputs.map((t) => t.dataSync() as Float32Array);
      definition.host(values, shapes, attrs, outputs);
      return outputs.map((values, k) => tf.tensor(values, outShapes[k] as number[], 'float32'));
    },
  };
}

/** Whether the active backend has a kernel of this name (its own, or a host kernel). */
export function hasKernel(name: string): boolean {
  // tfjs picks and initialises a backend on the first op; do the same before asking.
  if (tf.getBackend() == null) tf.backend();
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/** How an adapter reaches float32 data in its backend's own storage. */
export interface HostMemory {
  /** A view of the tensor's values in the backend's storage (no copy). */
  view(backend: KernelBackend, info: TensorInfo): Float32Array;
  /** New float32 storage of this shape, as the backend's own tensor data. */
  allocate(backend: KernelBackend, shape: number[]): TensorInfo;
  /** Frees storage made by `allocate` (when the host function throws). */
  free(backend: KernelBackend, info: TensorInfo): void;
}

/**
 * The tfjs kernel function that runs a host kernel over a backend's own storage: adapters return
 * it from `hostKernel`. Outputs are allocated before any view is taken, because allocating may
 * move the storage (wasm memory grows) and detach views taken earlier.
 */
export function hostKernelFunc(kernel: HostKernelDefinition, memory: HostMemory): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const infos: TensorInfo[] = [];
    for (let i = 0; inputs[i] !== undefined; i++) infos.push(inputs[i] as TensorInfo);
    const shapes = infos.map((info) => info.shape);
    const kernelBackend = backend as KernelBackend;
    const outShapes = kernel.outputShapes(shapes, attrs ?? {});
    const outputs: TensorInfo[] = [];
    try {
      for (const shape of outShapes) outputs.push(memory.allocate(kernelBackend, shape));
      const views = infos.map((info) => memory.view(kernelBackend, info));
      const outViews = outputs.map((info) => memory.view(kernelBackend, info));
      kernel.host(views, shapes, attrs ?? {}, outViews);
    } catch (error) {
      for (const info of outputs) memory.free(kernelBackend, info);
      throw error;
    }
    return outputs;
  };
}

/** Inputs by position, as tfjs kernels take them by name. */
function namedInputs(inputs: readonly Tensor[]): NamedTensorMap {
  const named: NamedTensorMap = {};
  inputs.forEach((t, i) => {
    named[i] = t;
  });
  return named;
}

function checkInputs(name: string, inputs: readonly Tensor[]): void {
  for (const [i, t] of inputs.entries()) {
    if (t.isDisposed || t.dtype !== 'float32') {
      throw new BackendError(
        'KERNEL_INPUT',
        `Kernel '${name}' takes live float32 tensors; input ${i} is ${t.isDisposed ? 'disposed' : t.dtype}.`,
      );
    }
  }
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
