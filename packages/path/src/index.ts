export {
  type ConcordanceOptions,
  concordanceIndex,
  type Features,
  type LassoNetCheckpoint,
  ModelError,
  type ModelErrorCode,
  type OptimizerOptions,
} from '@lassonet/model';
export { EarlyStopping } from './earlyStopping.js';
export { BaseLassoNet, type FitOptions, type PathOptions } from './estimator.js';
export {
  type ClassificationY,
  LassoNetClassifier,
  type LassoNetClassifierOptions,
} from './estimators/classifier.js';
export {
  LassoNetCoxRegressor,
  type LassoNetCoxRegressorOptions,
  type SurvivalY,
} from './estimators/coxRegressor.js';
export { type IntervalY, LassoNetIntervalRegressor } from './estimators/intervalRegressor.js';
export { LassoNetRegressor, type RegressionY } from './estimators/regressor.js';
export { featureImportances, selectedIndices, stepWithAtMost } from './featureImportances.js';
export { geometricLambdas } from './lambdaSequence.js';
export type { LassoNetOptions } from './options.js';
export type { PathStep } from './pathStep.js';
