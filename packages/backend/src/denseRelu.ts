import { hasKernel } from './kernels.js';
import { type NamedTensorMap, type Tensor1D, type Tensor2D, tf } from './tf.js';

/**
 * The tfjs kernel name of a dense layer with ReLU, relu(x·weight + bias). Inputs: `x` [n, d],
 * `weight` [d, h], `bias` [h], and optionally `xT` [d, n] and `weightT` [h, d], the same operands
 * transposed where the caller keeps them: a backend's own variant may compute from those instead
 * (wasm repacks a matMul's second operand whenever it is a new tensor, so for a wide layer it
 * multiplies weightᵀ·xᵀ, whose second operand stays the same for every epoch). No attributes.
 */
export const DENSE_RELU = 'LassoNetDenseRelu';

export interface DenseReluInputs {
  x: Tensor2D;
  weight: Tensor2D;
  bias: Tensor1D;
  /** `x` transposed, where the caller keeps it. */
  xT?: Tensor2D;
  /** `weight` transposed, where the caller keeps it. */
  weightT?: Tensor2D;
}

/**
 * relu(x·weight + bias): the active backend's `LassoNetDenseRelu` kernel where it registers one,
 * else a fused matMul (the transposed operands are then not used).
 */
export function denseRelu(inputs: DenseReluInputs): Tensor2D {
  if (hasKernel(DENSE_RELU)) {
    const named: NamedTensorMap = { x: inputs.x, weight: inputs.weight, bias: inputs.bias };
    if (inputs.xT !== undefined) named.xT = inputs.xT;
    if (inputs.weightT !== undefined) named.weightT = inputs.weightT;
    return tf.engine().runKernel(DENSE_RELU, named) as Tensor2D;
  }
  return tf.fused.matMul({
    a: inputs.x,
    b: inputs.weight,
    bias: inputs.bias,
    activation: 'relu',
  }) as Tensor2D;
}
