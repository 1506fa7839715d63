import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';
import { parseModelOptions } from '../options.js';
import { type CoxOptions, CoxTarget, coxOptionsSchema } from '../survival/coxLoss.js';
import type { Loss, LossGradient, Target } from './target.js';

/** Survival targets, one row per sample: [duration, event] with event 1 (observed) or 0 (censored). */
export type SurvivalTargets = readonly (readonly number[])[];

/**
 * The Cox proportional-hazards negative partial log-likelihood, averaged over events, with
 * Breslow (default) or Efron ties. The network has one output, the log-hazard. Score: the
 * concordance index.
 */
export function coxPartialLikelihood(options?: CoxOptions): Loss<SurvivalTargets> {
  const o = parseModelOptions(coxOptionsSchema, options, 'coxPartialLikelihood');
  return { kind: 'cox', target: (y, nOutputs) => new CoxLossTarget(y, nOutputs, o) };
}

/** Splits [duration, event] rows into two columns, checking their shape. */
export function survivalColumns(y: SurvivalTargets): {
  durations: Float64Array;
  events: Float64Array;
} {
  if (!Array.isArray(y)) {
    throw new ModelError('INVALID_SURVIVAL', 'y must be rows of [duration, event].');
  }
  const durations = new Float64Array(y.length);
  const events = new Float64Array(y.length);
  y.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) {
      throw new ModelError('SHAPE_MISMATCH', `y[${i}] must be [duration, event].`);
    }
    durations[i] = row[0] as number;
    events[i] = row[1] as number;
  });
  return { durations, events };
}

class CoxLossTarget implements Target {
  readonly kind = 'cox' as const;
  readonly n: number;
  readonly nOutputs = 1;
  readonly needsLogSigma = false;
  private readonly cox: CoxTarget;
  private readonly gradient: Float32Array;

  constructor(y: SurvivalTargets, nOutputs: number, options: CoxOptions) {
    if (nOutputs !== 1) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `The Cox loss needs a network with one output (the log-hazard), got nOutputs = ${nOutputs}.`,
      );
    }
    const { durations, events } = survivalColumns(y);
    this.cox = new CoxTarget(durations, events, options);
    this.n = this.cox.n;
    this.gradient = new Float32Array(this.n);
  }

  loss(out: Tensor2D): Scalar {
    // The partial likelihood needs sorted risk sets: it runs on the host, over n numbers.
    return tf.scalar(this.cox.lossAndGradient(out.dataSync(), this.gradient));
  }

  lossAndGradient(out: Tensor2D): LossGradient {
    const loss = this.cox.lossAndGradient(out.dataSync(), this.gradient);
    // A copy: the cpu backend would otherwise keep this reused buffer as the tensor's storage.
    return { loss: tf.scalar(loss), gradOut: tf.tensor2d(this.gradient.slice(), [this.n, 1]) };
  }

  dispose(): void {}
}
