export { isLassoNetError, LassoNetError } from '@lassonet/core';
export {
  type ConcordanceOptions,
  concordanceIndex,
  type Features,
  type LassoNetCheckpoint,
  ModelError,
  type ModelErrorCode,
  type OptimizerOptions,
} from '@lassonet/model';
export { BaseLassoNetCV, type CVFitOptions } from './crossValidation/baseCV.js';
export type { CVOptions } from './crossValidation/cvOptions.js';
export { type CVFoldResult, type CVResult, summarizeFolds } from './crossValidation/cvResult.js';
export {
  createEstimatorCV,
  LassoNetClassifierCV,
  type LassoNetClassifierCVOptions,
  LassoNetCoxRegressorCV,
  type LassoNetCoxRegressorCVOptions,
  LassoNetIntervalRegressorCV,
  type LassoNetIntervalRegressorCVOptions,
  LassoNetRegressorCV,
  type LassoNetRegressorCVOptions,
} from './crossValidation/estimatorsCV.js';
export {
  type GridCandidate,
  GridSearchCV,
  type GridSearchCVOptions,
  type GridSearchFitOptions,
} from './crossValidation/gridSearchCV.js';
export { type ParamGrid, parameterGrid } from './crossValidation/parameterGrid.js';
export {
  BaseLassoNet,
  type EstimatorJSON,
  type FitOptions,
  type PathOptions,
} from './estimator.js';
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
export type { PlainY } from './hostData.js';
export { geometricLambdas } from './lambdaSequence.js';
export {
  classifierSchema,
  coxSchema,
  type LassoNetOptions,
  regressorSchema,
} from './options.js';
export { defaultWorkers } from './parallel/defaultWorkers.js';
export type { ExecutorRunOptions, PathExecutor } from './parallel/executor.js';
export { InProcessExecutor } from './parallel/inProcessExecutor.js';
export { ParallelTaskError, taskFailure } from './parallel/parallelTaskError.js';
export type { PathTask, PathTaskResult } from './parallel/pathTask.js';
export {
  type PathTaskSpec,
  pathTaskFromSpec,
  pathTaskSpecSchema,
  taskSpec,
} from './parallel/pathTaskSpec.js';
export type { ParallelOptions } from './parallel/runPathTasks.js';
export {
  WorkerThreadExecutor,
  type WorkerThreadExecutorOptions,
} from './parallel/workerThreadExecutor.js';
export type { PathStep } from './pathStep.js';
export {
  type AnyEstimator,
  createEstimator,
  ESTIMATOR_KINDS,
  ESTIMATORS,
  type EstimatorEntry,
  type EstimatorKind,
  estimatorEntry,
  isEstimatorKind,
  loadEstimator,
} from './registry.js';
export { expectedWrong } from './stability/expectedWrong.js';
export { type SelectionStep, selectionProbability } from './stability/selectionProbability.js';
export type {
  StabilityEstimatorKind,
  StabilityEstimators,
  StabilityFitOptions,
  StabilityOptions,
  StabilitySelectionOptions,
} from './stability/stabilityOptions.js';
export { type StabilityRanking, stabilityRanking } from './stability/stabilityRanking.js';
export {
  StabilitySelection,
  type StabilitySelectionResult,
  stabilitySelection,
} from './stability/stabilitySelection.js';
