import { type KernelFunc, type TensorInfo, tf } from '@lassonet/backend';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { wasmKernel } from './wasmKernel.js';

/**
 * The wasm variant of LassoNet's dense-relu kernel (see `DENSE_RELU`). Given xᵀ it computes
 * relu((weightᵀ·xᵀ)ᵀ + bias): the wasm backend repacks a matMul's second operand whenever that is
 * a new tensor, and xᵀ is the same tensor every epoch while the weights are new after every
 * step, so for a wide layer packing the weights (2.4 ms at 5000×100) costs more than transposing
 * them (0.6 ms; none when the caller passes weightᵀ). Without xᵀ it is one fused matMul.
 */
export const denseReluWasm: KernelFunc = ({ inputs, backend }) => {
  const wasm = backend as BackendWasm;
  const x = inputs.x as TensorInfo;
  const weight = inputs.weight as TensorInfo;
  const bias = inputs.bias as TensorInfo;
  const run = (name: string, kernelInputs: Record<string, TensorInfo>, attrs = {}) =>
    wasmKernel(name)({ inputs: kernelInputs, backend, attrs }) as TensorInfo;
  const [n, d] = x.shape as [number, number];
  const h = weight.shape[1] as number;

  if (inputs.xT === undefined) {
    // tfjs' fused kernel takes rank-3 operands; a reshape is only another shape over the data.
    const out = run(
      tf._FusedMatMul,
      { a: { ...x, shape: [1, n, d] }, b: { ...weight, shape: [1, d, h] }, bias },
      { transposeA: false, transposeB: false, activation: 'relu' },
    );
    return { ...out, shape: [n, h] };
  }

  const temporaries: TensorInfo[] = [];
  const temporary = (info: TensorInfo) => {
    temporaries.push(info);
    return info;
  };
  try {
    const weightT =
      (inputs.weightT as TensorInfo | undefined) ??
      temporary(run(tf.Transpose, { x: weight }, { perm: [1, 0] }));
    const z = temporary(run(tf.BatchMatMul, { a: weightT, b: inputs.xT as TensorInfo }, {}));
    const zT = temporary(run(tf.Transpose, { x: z }, { perm: [1, 0] }));
    const biased = temporary(run(tf.Add, { a: zT, b: bias }));
    return run(tf.Relu, { x: biased });
  } finally {
    for (const info of temporaries) wasm.disposeData(info.dataId);
  }
};
