import { type Scalar, type Tensor2D, tf } from '@lassonet/backend';
import { ModelError } from '../errors.js';
import { parseModelOptions } from '../options.js';
import { type CoxOptions, CoxTarget, coxOptionsSchema } from '../survival/coxLoss.js';
import { checkOneOutput, HostTarget } from './hostTarget.js';
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

class CoxLossTarget extends HostTarget implements Target {
  readonly kind = 'cox' as const;
  readonly needsLogSigma = false;
  private readonly cox: CoxTarget;

  constructor(y: SurvivalTargets, nOutputs: number, options: CoxOptions) {
    checkOneOutput(nOutputs, 'The Cox loss', 'one output (the log-hazard)');
    const { durations, events } = survivalColumns(y);
    const cox = new CoxTarget(durations, events, options);
    super(cox.n);
    this.cox = cox;
  }

  loss(out: Tensor2D): Scalar {
    // The partial likelihood needs sorted risk sets: it runs on the host, over n numbers.
    return tf.scalar(this.cox.lossAndGradient(out.dataSync(), this.gradient));
  }

  lossAndGradient(out: Tensor2D): LossGradient {
    const loss = this.cox.lossAndGradient(out.dataSync(), this.gradient);
    return { loss: tf.scalar(loss), gradOut: this.gradOut() };
  }
}
