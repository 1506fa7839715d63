import { hasKernel } from './kernels.js';
import { type Tensor2D, tf } from './tf.js';

/**
 * The tfjs kernel name of xᵀ·g for a batch's input x, the product that gives the gradients of the
 * weights that multiply x (the skip connection's and the first layer's). Inputs: `x` [n, d], the
 * same `xT` [d, n] that the batch keeps, and `g` [n, k]; output [d, k]. No attributes. x and xT
 * stay the same for every epoch while g is new after every step, so a backend's own variant can
 * choose the operand order that suits it (wasm: see the adapter's `inputProductWasm`).
 */
export const INPUT_PRODUCT = 'LassoNetInputProduct';

export interface InputProductInputs {
  x: Tensor2D;
  xT: Tensor2D;
  g: Tensor2D;
}

/** xᵀ·g: the active backend's `LassoNetInputProduct` kernel where it registers one, else xT·g. */
export function inputProduct(inputs: InputProductInputs): Tensor2D {
  if (hasKernel(INPUT_PRODUCT)) {
    return tf.engine().runKernel(INPUT_PRODUCT, {
      x: inputs.x,
      xT: inputs.xT,
      g: inputs.g,
    }) as Tensor2D;
  }
  return tf.matMul(inputs.xT, inputs.g) as Tensor2D;
}
