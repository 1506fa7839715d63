import { type NamedTensorMap, tf } from '@lassonet/backend';
import { booleanOption, numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { parseModelOptions } from './options.js';

const learningRate = v.optional(numberOption({ above: 0 }), 1e-3);

/** Adam, with PyTorch's defaults. */
const adamSchema = v.strictObject({
  name: v.literal('adam'),
  /** Default 1e-3. */
  learningRate,
  /** Defaults 0.9, 0.999 and 1e-8, as in PyTorch. */
  beta1: v.optional(numberOption({ min: 0, max: 1 }), 0.9),
  beta2: v.optional(numberOption({ min: 0, max: 1 }), 0.999),
  epsilon: v.optional(numberOption({ above: 0 }), 1e-8),
});

/** SGD with heavy-ball momentum, PyTorch's convention (buffer = momentum·buffer + grad). */
const sgdSchema = v.strictObject({
  name: v.literal('sgd'),
  /** Default 1e-3. */
  learningRate,
  /** Default 0.9. */
  momentum: v.optional(numberOption({ min: 0 }), 0.9),
  /** Default false. */
  nesterov: v.optional(booleanOption(), false),
});

/** The optimizer settings: `{ name: 'adam' | 'sgd', … }`, defaults filled in when parsed. */
export const optimizerSchema = v.variant('name', [adamSchema, sgdSchema], (issue) =>
  issue.path?.at(-1)?.key === 'name'
    ? "must be 'adam' or 'sgd'"
    : "must be an optimizer object such as { name: 'sgd', learningRate: 1e-3 }",
);

export type OptimizerOptions = OptionsInput<typeof optimizerSchema>;

/** Optimizer settings with every default filled in. */
export type ResolvedOptimizerOptions = v.InferOutput<typeof optimizerSchema>;

/**
 * An optimizer over a network's parameters. Its state (moments, momentum buffers) lives in
 * tensors; keep one across steps (the path keeps one SGD optimizer across lambdas) and dispose it.
 */
export class ModelOptimizer {
  readonly name: 'adam' | 'sgd';
  readonly learningRate: number;
  private readonly optimizer: tf.Optimizer;

  constructor(options: OptimizerOptions) {
    const o = parseModelOptions(optimizerSchema, options, 'optimizer');
    this.name = o.name;
    this.learningRate = o.learningRate;
    if (o.name === 'adam') {
      this.optimizer = tf.train.adam(o.learningRate, o.beta1, o.beta2, o.epsilon);
    } else {
      // tfjs's momentum optimizer keeps PyTorch's buffer (m·buf + g) and steps by lr·buf.
      this.optimizer =
        o.momentum === 0
          ? tf.train.sgd(o.learningRate)
          : tf.train.momentum(o.learningRate, o.momentum, o.nesterov);
    }
  }

  /** Applies gradients keyed by variable name; the gradients are the caller's to dispose. */
  apply(gradients: NamedTensorMap): void {
    this.optimizer.applyGradients(gradients);
  }

  dispose(): void {
    this.optimizer.dispose();
    // tfjs's MomentumOptimizer.dispose() does not call its parent's, which frees the
    // learning-rate scalar `c`; free it here so that a path leaves no tensor behind.
    if (this.optimizer instanceof tf.MomentumOptimizer) {
      (this.optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
    }
  }
}
