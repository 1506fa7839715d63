import type { Scalar, Tensor2D } from '@lassonet/backend';

/** What a loss gives back for one batch: tensors the caller owns. */
export interface LossGradient {
  /** The loss, averaged over the batch. */
  loss: Scalar;
  /** d loss / d outputs, [n, nOutputs]. */
  gradOut: Tensor2D;
  /** d loss / d logSigma, for losses with a learned scale. */
  gradLogSigma?: Scalar;
}

/**
 * Targets checked and prepared once for a loss, so that training epochs only compute. Holds
 * tensors (one-hot labels, weights) or host arrays (survival data); `dispose()` frees them.
 */
export interface Target {
  readonly kind: LossKind;
  /** Number of samples. */
  readonly n: number;
  /** Number of network outputs this loss needs. */
  readonly nOutputs: number;
  /** Whether the loss uses the network's learned logSigma. */
  readonly needsLogSigma: boolean;
  /** The loss alone, for validation. */
  loss(out: Tensor2D, logSigma?: Scalar): Scalar;
  /** The loss and its gradient with respect to the outputs (and logSigma). */
  lossAndGradient(out: Tensor2D, logSigma?: Scalar): LossGradient;
  /**
   * The gradient alone, for a training step, which has no use for the loss: the same tensors as
   * `lossAndGradient` gives, without the ops only the loss needs. Losses that get the gradient
   * with the loss anyway leave it out.
   */
  outputGradient?(out: Tensor2D, logSigma?: Scalar): Omit<LossGradient, 'loss'>;
  /**
   * Rows [from, to) as plain data for `targetFromPart`: a target whose `outputGradient` is
   * those rows of this target's (the normalisation stays the whole batch's), so that threads
   * can each take the gradient of their own rows. Losses that couple rows (Cox) leave it out.
   */
  part?(from: number, to: number): TargetPart;
  dispose(): void;
}

/** Rows of a target, as `Target.part` gives them: plain data that can cross to a thread. */
export interface TargetPart {
  kind: LossKind;
  nOutputs: number;
  /** The loss's per-row data, row-major. */
  arrays: Float32Array[];
  /** The loss's numbers that hold for the whole batch (a normalisation). */
  numbers: number[];
}

export type LossKind = 'mse' | 'crossEntropy' | 'cox' | 'interval';

/** A loss: turns targets into a prepared `Target` for a network with `nOutputs` outputs. */
export interface Loss<Y> {
  readonly kind: LossKind;
  target(y: Y, nOutputs: number): Target;
}
