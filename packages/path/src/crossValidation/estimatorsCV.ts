import type { Features } from '@lassonet/model';
import {
  type ClassificationY,
  LassoNetClassifier,
  type LassoNetClassifierOptions,
} from '../estimators/classifier.js';
import {
  LassoNetCoxRegressor,
  type LassoNetCoxRegressorOptions,
  type SurvivalY,
} from '../estimators/coxRegressor.js';
import { type IntervalY, LassoNetIntervalRegressor } from '../estimators/intervalRegressor.js';
import { LassoNetRegressor, type RegressionY } from '../estimators/regressor.js';
import type { LassoNetOptions } from '../options.js';
import { type EstimatorKind, estimatorEntry } from '../registry.js';
import { BaseLassoNetCV, type InnerEstimator } from './baseCV.js';
import type { CVOptions } from './cvOptions.js';

export type LassoNetRegressorCVOptions = LassoNetOptions & CVOptions;
export type LassoNetClassifierCVOptions = LassoNetClassifierOptions & CVOptions;
export type LassoNetCoxRegressorCVOptions = LassoNetCoxRegressorOptions & CVOptions;
export type LassoNetIntervalRegressorCVOptions = LassoNetOptions & CVOptions;

/** LassoNetRegressor with lambda chosen by k-fold cross-validation on R². */
export class LassoNetRegressorCV extends BaseLassoNetCV<RegressionY, LassoNetRegressor> {
  constructor(options?: LassoNetRegressorCVOptions) {
    super(options, 'regressor', (o) => new LassoNetRegressor(o));
  }
}

/** LassoNetClassifier with lambda chosen by stratified k-fold cross-validation on accuracy. */
export class LassoNetClassifierCV extends BaseLassoNetCV<
  ClassificationY,
  LassoNetClassifier,
  LassoNetClassifierOptions
> {
  constructor(options?: LassoNetClassifierCVOptions) {
    super(options, 'classifier', (o) => new LassoNetClassifier(o));
  }

  /** Class probabilities, one row per sample. */
  predictProba(X: Features): number[][] {
    return this.estimator.predictProba(X);
  }
}

/** LassoNetCoxRegressor with lambda chosen by k-fold cross-validation on the concordance index. */
export class LassoNetCoxRegressorCV extends BaseLassoNetCV<
  SurvivalY,
  LassoNetCoxRegressor,
  LassoNetCoxRegressorOptions
> {
  constructor(options?: LassoNetCoxRegressorCVOptions) {
    super(options, 'cox', (o) => new LassoNetCoxRegressor(o));
  }
}

/** LassoNetIntervalRegressor with lambda chosen by k-fold cross-validation on the concordance index. */
export class LassoNetIntervalRegressorCV extends BaseLassoNetCV<
  IntervalY,
  LassoNetIntervalRegressor
> {
  constructor(options?: LassoNetIntervalRegressorCVOptions) {
    super(options, 'interval', (o) => new LassoNetIntervalRegressor(o));
  }
}

/** The cross-validated estimator of each registered kind. */
const ESTIMATORS_CV = {
  regressor: LassoNetRegressorCV,
  classifier: LassoNetClassifierCV,
  cox: LassoNetCoxRegressorCV,
  interval: LassoNetIntervalRegressorCV,
} as const satisfies Record<EstimatorKind, unknown>;

/**
 * A new, unfitted cross-validated estimator of `kind` (the estimator's options plus `cv`,
 * `concurrency`, `workerUrl`, checked by its schema): for code that picks the task at run time.
 */
export function createEstimatorCV(
  kind: EstimatorKind,
  options: Record<string, unknown> = {},
): BaseLassoNetCV<unknown, InnerEstimator<unknown>> {
  estimatorEntry(kind);
  const EstimatorCV = ESTIMATORS_CV[kind] as unknown as new (
    options: Record<string, unknown>,
  ) => BaseLassoNetCV<unknown, InnerEstimator<unknown>>;
  return new EstimatorCV(options);
}
