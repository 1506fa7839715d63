import { type NamedTensorMap, tf } from '@lassonet/backend';
import { ModelError } from './errors.js';
import { checkNumber, optionsObject, rejectUnknown } from './options.js';

export type OptimizerOptions =
  | {
      name: 'adam';
      /** Default 1e-3. */
      learningRate?: number;
      /** Defaults 0.9, 0.999 and 1e-8, as in PyTorch. */
      beta1?: number;
      beta2?: number;
      epsilon?: number;
    }
  | {
      name: 'sgd';
      /** Default 1e-3. */
      learningRate?: number;
      /** Heavy-ball momentum, PyTorch's convention (buffer = momentum·buffer + grad). Default 0.9. */
      momentum?: number;
      /** Default false. */
      nesterov?: boolean;
    };

/** Optimizer settings with every default filled in. */
export type ResolvedOptimizerOptions =
  | { name: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { name: 'sgd'; learningRate: number; momentum: number; nesterov: boolean };

/**
 * Checks optimizer settings and fills in the defaults, without touching a backend: estimators
 * call it when they are created, so a typo shows before any training.
 */
export function resolveOptimizerOptions(
  options: OptimizerOptions,
  where = 'optimizer',
): ResolvedOptimizerOptions {
  const o = optionsObject(options, where);
  const learningRate = (): number =>
    checkNumber(`${where}.learningRate`, o.learningRate ?? 1e-3, { min: 0, open: true });
  if (o.name === 'adam') {
    rejectUnknown(o, ['name', 'learningRate', 'beta1', 'beta2', 'epsilon'], `${where} (adam)`);
    return {
      name: 'adam',
      learningRate: learningRate(),
      beta1: checkNumber(`${where}.beta1`, o.beta1 ?? 0.9, { min: 0, max: 1 }),
      beta2: checkNumber(`${where}.beta2`, o.beta2 ?? 0.999, { min: 0, max: 1 }),
      epsilon: checkNumber(`${where}.epsilon`, o.epsilon ?? 1e-8, { min: 0, open: true }),
    };
  }
  if (o.name === 'sgd') {
    rejectUnknown(o, ['name', 'learningRate', 'momentum', 'nesterov'], `${where} (sgd)`);
    const nesterov = o.nesterov ?? false;
    if (typeof nesterov !== 'boolean') {
      throw new ModelError(
        'INVALID_OPTION',
        `${where}.nesterov must be true or false, got ${String(nesterov)}.`,
      );
    }
    return {
      name: 'sgd',
      learningRate: learningRate(),
      momentum: checkNumber(`${where}.momentum`, o.momentum ?? 0.9, { min: 0 }),
      nesterov,
    };
  }
  throw new ModelError(
    'INVALID_OPTION',
    `${where}.name must be 'adam' or 'sgd', got ${String((o as { name?: unknown }).name)}.`,
  );
}

/**
 * An optimizer over a network's parameters. Its state (moments, momentum buffers) lives in
 * tensors; keep one across steps (the path keeps one SGD optimizer across lambdas) and dispose it.
 */
export class ModelOptimizer {
  readonly name: 'adam' | 'sgd';
  readonly learningRate: number;
  private readonly optimizer: tf.Optimizer;

  constructor(options: OptimizerOptions) {
    const o = resolveOptimizerOptions(options);
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
