import type { Tensor } from '@lassonet/backend';
import {
  concordanceIndex,
  coxPartialLikelihood,
  type Features,
  type LassoNet,
  type Loss,
  ModelError,
} from '@lassonet/model';
import { BaseLassoNet } from '../estimator.js';
import { allRows, fixedRows, type HostTargets, plainTargets, rowTargets } from '../hostData.js';
import { coxSchema, type LassoNetCoxRegressorOptions } from '../options.js';

export type { LassoNetCoxRegressorOptions };

/** Survival targets, one row per sample: [duration, event] (event 1 observed, 0 censored). */
export type SurvivalY = readonly (readonly number[])[] | Tensor;

/**
 * LassoNet for Cox proportional hazards: the network's single output is the log-hazard; the
 * loss is the negative partial log-likelihood; `score` is Harrell's concordance index.
 * Early stopping uses the training data unless valSize or validation data are given (upstream's
 * default), and minibatches are not allowed: the partial likelihood couples every row.
 */
export class LassoNetCoxRegressor extends BaseLassoNet<
  SurvivalY,
  number[][],
  LassoNetCoxRegressorOptions
> {
  readonly kind = 'cox';

  constructor(options?: LassoNetCoxRegressorOptions) {
    super(options, coxSchema);
  }

  /** The predicted log-hazard (risk score) of each row. */
  predict(X: Features): number[] {
    return Array.from(this.outputs(X).values);
  }

  /** Harrell's concordance index of the predicted risks. */
  score(X: Features, y: SurvivalY): number {
    const risk = this.predict(X);
    const rows = allRows(this.readTargets(y, risk.length, 'y'));
    return concordanceIndex(
      risk,
      rows.map((r) => r[0] as number),
      rows.map((r) => r[1] as number),
    );
  }

  protected readTargets(y: SurvivalY, n: number, name: string): HostTargets<number[][]> {
    const plain = plainTargets(y, n, name);
    const rows = fixedRows(plain, 2, name, '[duration, event]');
    for (const [i, [duration, event]] of rows.entries()) {
      if (!Number.isFinite(duration) || (duration as number) < 0) {
        throw new ModelError(
          'INVALID_SURVIVAL',
          `${name}[${i}] has duration ${duration}; durations must be finite and >= 0.`,
        );
      }
      if (event !== 0 && event !== 1) {
        throw new ModelError(
          'INVALID_SURVIVAL',
          `${name}[${i}] has event ${event}; it must be 1 (observed) or 0 (censored).`,
        );
      }
    }
    return rowTargets(rows);
  }

  protected nOutputs(): number {
    return 1;
  }

  protected override checkLoaded(net: LassoNet): void {
    this.requireOutputs(net, net.config.nOutputs === 1, 'one (the log-hazard)');
  }

  protected loss(): Loss<number[][]> {
    return coxPartialLikelihood({ ties: this.resolved.tieApproximation ?? 'breslow' });
  }
}
