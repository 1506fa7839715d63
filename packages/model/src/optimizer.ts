import { type NamedTensorMap, type Tensor, tf } from '@lassonet/backend';
import { booleanOption, numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import {
  optimizerStepKernel,
  optimizerStepOps,
  type StepAttrs,
  stateCount,
} from './optimizerStep.js';
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
 * The most weights for which a step runs as the host kernel: beyond it the backend's vectorised
 * ops are faster than the kernel's loop (on wasm at 7.7k weights the kernel takes 56 µs against
 * tfjs's 72 µs; at 31k, 167 µs against 97 µs).
 */
const HOST_STEP_LIMIT = 16_384;

/**
 * An optimizer over a network's parameters. Its state (moments, momentum buffers) lives in
 * tensors; keep one across steps (the path keeps one SGD optimizer across lambdas) and dispose it.
 * A step is one `LassoNetOptimizerStep` kernel over every variable for small networks, tensor ops
 * for large ones; both with the arithmetic of tfjs's own optimizers (see `optimizerStepKernel`).
 */
export class ModelOptimizer {
  readonly name: 'adam' | 'sgd';
  readonly learningRate: number;
  private readonly options: ResolvedOptimizerOptions;
  /** state[k][i]: state tensor k (buffer; or first, second moment) of the i-th variable. */
  private state: Tensor[][] = [];
  /** Adam's beta1^t and beta2^t, in float32 as tfjs keeps them (starting at beta). */
  private accBeta1 = 0;
  private accBeta2 = 0;

  constructor(options: OptimizerOptions) {
    const o = parseModelOptions(optimizerSchema, options, 'optimizer');
    this.options = o;
    this.name = o.name;
    this.learningRate = o.learningRate;
    if (o.name === 'adam') {
      this.accBeta1 = Math.fround(o.beta1);
      this.accBeta2 = Math.fround(o.beta2);
    }
  }

  /**
   * Applies gradients keyed by variable name; the gradients are the caller's to dispose. State is
   * kept by position, so pass the same variables in the same order at every step.
   */
  apply(gradients: NamedTensorMap): void {
    const names = Object.keys(gradients);
    const variables = names.map((name) => {
      const variable = tf.engine().registeredVariables[name];
      if (variable === undefined) throw new Error(`No variable named '${name}' to update.`);
      return variable;
    });
    const o = this.options;
    const count = stateCount(o.name);
    for (let k = 0; k < count; k++) {
      const row = this.state[k] ?? [];
      this.state[k] = row;
      variables.forEach((variable, i) => {
        row[i] ??= tf.keep(tf.zerosLike(variable));
      });
    }
    const attrs: StepAttrs =
      o.name === 'sgd'
        ? { kind: 'sgd', learningRate: o.learningRate, momentum: o.momentum, nesterov: o.nesterov }
        : {
            kind: 'adam',
            learningRate: o.learningRate,
            beta1: o.beta1,
            beta2: o.beta2,
            epsilon: o.epsilon,
            oneMinusAccBeta1: Math.fround(1 - this.accBeta1),
            oneMinusAccBeta2: Math.fround(1 - this.accBeta2),
          };
    const n = variables.length;
    const inputs = [
      ...variables,
      ...this.state.flatMap((row) => row.slice(0, n)),
      ...names.map((name) => gradients[name] as Tensor),
    ];
    const size = variables.reduce((total, variable) => total + variable.size, 0);
    const outputs =
      size <= HOST_STEP_LIMIT
        ? optimizerStepKernel.run(inputs, attrs)
        : tf.tidy(() => optimizerStepOps(inputs, attrs));
    variables.forEach((variable, i) => {
      variable.assign(outputs[i] as Tensor);
      (outputs[i] as Tensor).dispose();
    });
    for (let k = 0; k < count; k++) {
      const row = this.state[k] as Tensor[];
      for (let i = 0; i < n; i++) {
        (row[i] as Tensor).dispose();
        row[i] = tf.keep(outputs[n * (k + 1) + i] as Tensor);
      }
    }
    if (o.name === 'adam') {
      this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(o.beta1));
      this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(o.beta2));
    }
  }

  dispose(): void {
    for (const row of this.state) tf.dispose(row);
    this.state = [];
  }
}
