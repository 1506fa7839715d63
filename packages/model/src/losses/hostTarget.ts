import { type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';

/** Throws unless the network has the one output a survival loss reads; `output` names it. */
export function checkOneOutput(nOutputs: number, loss: string, output = 'one output'): void {
  if (nOutputs !== 1) {
    throw new ModelError(
      'SHAPE_MISMATCH',
      `${loss} needs a network with ${output}, got nOutputs = ${nOutputs}.`,
    );
  }
}

/**
 * What the survival losses share: they run on the host over n numbers, for a network with one
 * output, and write d loss / d output into a buffer reused by every evaluation.
 */
export abstract class HostTarget {
  readonly n: number;
  readonly nOutputs = 1;
  protected readonly gradient: Float32Array;

  protected constructor(n: number) {
    this.n = n;
    this.gradient = new Float32Array(n);
  }

  /** The gradient as [n, 1]: a copy, else the cpu backend keeps the reused buffer as storage. */
  protected gradOut(): Tensor2D {
    return tf.tensor2d(this.gradient.slice(), [this.n, 1]);
  }

  /** Host arrays only: nothing to free. */
  dispose(): void {}
}
