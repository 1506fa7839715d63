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

/**
 * An optimizer over a network's parameters. Its state (moments, momentum buffers) lives in
 * tensors; keep one across steps (the path keeps one SGD optimizer across lambdas) and dispose it.
 */
export class ModelOptimizer {
  readonly name: 'adam' | 'sgd';
  readonly learningRate: number;
  private readonly optimizer: tf.Optimizer;

  constructor(options: OptimizerOptions) {
    const o = optionsObject(options, 'optimizer');
    if (o.name === 'adam') {
      rejectUnknown(o, ['name', 'learningRate', 'beta1', 'beta2', 'epsilon'], 'the adam optimizer');
      this.learningRate = checkNumber('learningRate', o.learningRate ?? 1e-3, {
        min: 0,
        open: true,
      });
      const beta1 = checkNumber('beta1', o.beta1 ?? 0.9, { min: 0, max: 1 });
      const beta2 = checkNumber('beta2', o.beta2 ?? 0.999, { min: 0, max: 1 });
      const epsilon = checkNumber('epsilon', o.epsilon ?? 1e-8, { min: 0, open: true });
      this.optimizer = tf.train.adam(this.learningRate, beta1, beta2, epsilon);
    } else if (o.name === 'sgd') {
      rejectUnknown(o, ['name', 'learningRate', 'momentum', 'nesterov'], 'the sgd optimizer');
      this.learningRate = checkNumber('learningRate', o.learningRate ?? 1e-3, {
        min: 0,
        open: true,
      });
      const momentum = checkNumber('momentum', o.momentum ?? 0.9, { min: 0 });
      // tfjs's momentum optimizer keeps PyTorch's buffer (m·buf + g) and steps by lr·buf.
      this.optimizer =
        momentum === 0
          ? tf.train.sgd(this.learningRate)
          : tf.train.momentum(this.learningRate, momentum, o.nesterov ?? false);
    } else {
      throw new ModelError(
        'INVALID_OPTION',
        `optimizer name must be 'adam' or 'sgd', got ${String((o as { name?: unknown }).name)}.`,
      );
    }
    this.name = o.name;
  }

  /** Applies gradients keyed by variable name; the gradients are the caller's to dispose. */
  apply(gradients: NamedTensorMap): void {
    this.optimizer.applyGradients(gradients);
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}
