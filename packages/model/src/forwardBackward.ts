import {
  DENSE_RELU,
  denseRelu,
  hasKernel,
  inputProduct,
  type Scalar,
  type Tensor1D,
  type Tensor2D,
  tf,
} from '@lassonet/backend';

/** The tensors of a network's parameters, in the tfjs [in, out] orientation. */
export interface Params {
  /** Skip connection S, [nFeatures, nOutputs], no bias. */
  skip: Tensor2D;
  /** The hidden layers, then the output layer. */
  layers: readonly { weight: Tensor2D; bias: Tensor1D }[];
  /** The first layer's weight transposed, when the caller keeps one (see `wideFirstLayer`). */
  firstWeightT?: () => Tensor2D;
}

export interface ForwardCache {
  out: Tensor2D;
  /** Each hidden layer's activations after ReLU (and dropout). */
  activations: Tensor2D[];
}

/** The input's active columns and the matching rows of the skip and first-layer weights. */
export interface ActiveInput {
  x: Tensor2D;
  skip: Tensor2D;
  weight: Tensor2D;
}

/**
 * f(x) = S^T x + MLP(x) with ReLU hidden layers. `masks[l]` (0 or 1/(1-p) per unit) is dropout on
 * hidden layer l. Each hidden layer is the backend's dense-relu kernel (`denseRelu`); `Xt` (X
 * transposed, kept by the batch) is passed to it for a wide first layer, see `usesTransposedInput`.
 * With `active`, the products on the input use only the features still in the model (see
 * `activeRows.ts`): the same outputs, up to the order of the sums.
 */
export function forward(
  params: Params,
  X: Tensor2D,
  masks?: readonly (Tensor2D | null)[],
  Xt?: Tensor2D,
  active?: ActiveInput,
): ForwardCache {
  const activations: Tensor2D[] = [];
  let a = X;
  const last = params.layers.length - 1;
  for (let l = 0; l < last; l++) {
    const { weight, bias } = params.layers[l] as Params['layers'][number];
    a =
      l === 0 && active !== undefined
        ? denseRelu({ x: active.x, weight: active.weight, bias })
        : l === 0 && Xt !== undefined && usesTransposedInput(weight)
          ? denseRelu({ x: a, weight, bias, xT: Xt, weightT: params.firstWeightT?.() })
          : denseRelu({ x: a, weight, bias });
    const mask = masks?.[l];
    if (mask) a = tf.mul(a, mask) as Tensor2D;
    activations.push(a);
  }
  const output = params.layers[last] as Params['layers'][number];
  const mlp = tf.fused.matMul({ a, b: output.weight, bias: output.bias });
  const linear =
    active === undefined ? tf.matMul(X, params.skip) : tf.matMul(active.x, active.skip);
  const out = tf.add(mlp, linear) as Tensor2D;
  return { out, activations };
}

/** Weights from which a first layer counts as wide (5000 features × 100 units is 500k). */
const WIDE_LAYER = 1 << 16;

/**
 * Whether `forward` should be given Xᵀ for this first layer (and the network keep Wᵀ): for a wide
 * layer, where the active backend registers its own dense-relu kernel, which can use them (wasm
 * multiplies Wᵀ·Xᵀ rather than repack a new W every step; see `DENSE_RELU`). Elsewhere the
 * transposes would only cost time and memory.
 */
export function usesTransposedInput(firstWeight: Tensor2D): boolean {
  return firstWeight.size >= WIDE_LAYER && hasKernel(DENSE_RELU);
}

export interface Gradients {
  skip: Tensor2D;
  layers: { weight: Tensor2D; bias: Tensor1D }[];
  logSigma?: Scalar;
}

/** A batch's input with a column of ones, [X | 1], and its transpose: see `backward`. */
export interface WithOnes {
  x: Tensor2D;
  xT: Tensor2D;
}

/**
 * [X | 1] and its transpose, kept out of any tidy scope for a batch to hold (see `backward`), or
 * `null` when X has no more rows than columns: the one product saves a column sum over n rows
 * for a copy of d rows, which a wide X (5000 features on 135 rows) would pay more for than it
 * saves.
 */
export function withOnes(X: Tensor2D): WithOnes | null {
  const [n, d] = X.shape;
  if (n <= d) return null;
  const x = tf.tidy(() => tf.concat([X, tf.ones([n, 1])], 1) as Tensor2D);
  return { x: tf.keep(x), xT: tf.keep(tf.transpose(x) as Tensor2D) };
}

/**
 * The explicit backward pass: gradients of the loss, given dLoss/dOut, for every parameter.
 * `Xt` is X transposed, computed once per dataset: a transposed operand in tf.matMul is slow on
 * wasm, a pre-transposed one is not. The gradients of the weights on X go through `inputProduct`.
 * With `ones` ([X | 1], kept by the batch) the first layer's weight and bias gradients come from
 * one product, [X | 1]ᵀ·g, whose last row is the bias's: a column sum of g on its own costs a
 * transpose and a reduction (on MICE, 0.08 ms of a 1.8 ms epoch on wasm).
 */
export function backward(
  params: Params,
  X: Tensor2D,
  Xt: Tensor2D,
  cache: ForwardCache,
  gradOut: Tensor2D,
  masks?: readonly (Tensor2D | null)[],
  ones?: WithOnes | null,
): Gradients {
  const L = params.layers.length;
  const layers: Gradients['layers'] = new Array(L);
  // Xᵀ·g through the backend's input-product kernel, which may order the operands its own way.
  const skip = inputProduct({ x: X, xT: Xt, g: gradOut });
  let g = gradOut;
  for (let l = L - 1; l >= 0; l--) {
    const input = l === 0 ? undefined : (cache.activations[l - 1] as Tensor2D);
    if (input === undefined && ones) {
      const [d, k] = [X.shape[1], g.shape[1]];
      const both = inputProduct({ x: ones.x, xT: ones.xT, g });
      layers[l] = {
        weight: tf.slice(both, [0, 0], [d, k]),
        bias: tf.reshape(tf.slice(both, [d, 0], [1, k]), [k]) as Tensor1D,
      };
    } else {
      const weight =
        input === undefined ? inputProduct({ x: X, xT: Xt, g }) : inputProduct({ x: input, g });
      layers[l] = { weight: weight as Tensor2D, bias: tf.sum(g, 0) as Tensor1D };
    }
    if (input !== undefined) {
      const { weight: W } = params.layers[l] as Params['layers'][number];
      // Through ReLU: units with zero activation (inactive, or dropped) pass no gradient. An
      // explicit transpose: matMul's transposed operands are several times slower on wasm.
      const dA = tf.matMul(g, tf.transpose(W) as Tensor2D);
      let dz = tf.mul(dA, tf.step(input)) as Tensor2D;
      const mask = masks?.[l - 1];
      if (mask) dz = tf.mul(dz, mask) as Tensor2D;
      g = dz;
    }
  }
  return { skip, layers };
}

/** Adds the gradients of gamma·sum_{l>=2} ||W_l||² and gammaSkip·||S||² in place. */
export function addL2Gradients(
  grads: Gradients,
  params: Params,
  gamma: number,
  gammaSkip: number,
): void {
  if (gammaSkip > 0) {
    grads.skip = tf.add(grads.skip, tf.mul(params.skip, 2 * gammaSkip)) as Tensor2D;
  }
  if (gamma > 0) {
    for (let l = 1; l < grads.layers.length; l++) {
      const layer = grads.layers[l] as Gradients['layers'][number];
      const W = (params.layers[l] as Params['layers'][number]).weight;
      layer.weight = tf.add(layer.weight, tf.mul(W, 2 * gamma)) as Tensor2D;
    }
  }
}

/** sum_{l>=2} ||W_l||_F² and ||S||_F², as scalars. */
export function l2Terms(params: Params): { hidden: Scalar; skip: Scalar } {
  let hidden: Scalar = tf.scalar(0);
  for (let l = 1; l < params.layers.length; l++) {
    hidden = tf.add(
      hidden,
      tf.sum(tf.square((params.layers[l] as Params['layers'][number]).weight)),
    );
  }
  return { hidden, skip: tf.sum(tf.square(params.skip)) };
}
