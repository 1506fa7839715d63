import { type KernelFunc, type TensorInfo, tf } from '@lassonet/backend';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { wasmKernel } from './wasmKernel.js';

/**
 * The wasm variant of LassoNet's input-product kernel (see `INPUT_PRODUCT`): xᵀ·g computed as
 * (gᵀ·x)ᵀ. The wasm backend repacks a matMul's second operand whenever that is a new tensor; x is
 * the same tensor every epoch, so it is packed once, while xT·g would repack the new g (n × k)
 * after every step. Measured on MICE (777 × 77 input, 100 hidden units): 0.39 ms against 0.56 ms
 * for the first layer's gradient; the two transposes are small.
 */
export const inputProductWasm: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const run = (name: string, kernelInputs: Record<string, TensorInfo>, attrs = {}) =>
    wasmKernel(name)({ inputs: kernelInputs, backend, attrs }) as TensorInfo;
  const temporaries: TensorInfo[] = [];
  try {
    const gT = run(tf.Transpose, { x: inputs.g as TensorInfo }, { perm: [1, 0] });
    temporaries.push(gT);
    const product = run(tf.BatchMatMul, { a: gT, b: inputs.x as TensorInfo }, {});
    temporaries.push(product);
    return run(tf.Transpose, { x: product }, { perm: [1, 0] });
  } finally {
    for (const info of temporaries) wasm.disposeData(info.dataId);
  }
};
