import { hasKernel } from './kernels.js';
import { type Tensor2D, tf } from './tf.js';

/**
 * The tfjs kernel name of xᵀ·g for a layer's input x, the product that gives the gradients of the
 * weights that multiply x (the skip connection's and every layer's). Inputs: `x` [n, d], `g`
 * [n, k] and, for a batch's input, the same `xT` [d, n] that the batch keeps; output [d, k]. No
 * attributes. A backend's own variant can choose the operand order that suits it (wasm: see the
 * adapter's `inputProductWasm`).
 */
export const INPUT_PRODUCT = 'LassoNetInputProduct';

export interface InputProductInputs {
  x: Tensor2D;
  /** x transposed, when the caller keeps it (a batch's input, the same every epoch). */
  xT?: Tensor2D;
  g: Tensor2D;
}

/**
 * xᵀ·g: the active backend's `LassoNetInputProduct` kernel where it registers one, else xT·g
 * (with x transposed here when xT is not given).
 */
export function inputProduct(inputs: InputProductInputs): Tensor2D {
  const { x, xT, g } = inputs;
  if (hasKernel(INPUT_PRODUCT)) {
    return tf
      .engine()
      .runKernel(INPUT_PRODUCT, xT === undefined ? { x, g } : { x, xT, g }) as Tensor2D;
  }
  return tf.tidy(() => tf.matMul(xT ?? (tf.transpose(x) as Tensor2D), g) as Tensor2D);
}
