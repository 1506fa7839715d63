export type { CheckpointWeights, LassoNetCheckpoint } from './checkpoint.js';
export {
  checkGroupsFor,
  groupsSchema,
  hiddenDimsSchema,
  type LassoNetConfig,
  type ResolvedConfig,
} from './config.js';
export { type Features, featureTensor, type HostMatrix, hostFeatures } from './data.js';
export { ModelError, type ModelErrorCode } from './errors.js';
export type { ForwardCache, Gradients, Params } from './forwardBackward.js';
export {
  coxPartialLikelihood,
  type SurvivalTargets,
} from './losses/coxPartialLikelihood.js';
export {
  type ClassLabels,
  type CrossEntropyOptions,
  classWeightSchema,
  crossEntropy,
} from './losses/crossEntropy.js';
export {
  type IntervalTargets,
  intervalLogNormal,
} from './losses/intervalLogNormal.js';
export { meanSquaredError, type RegressionTargets } from './losses/meanSquaredError.js';
export type { Loss, LossGradient, LossKind, Target } from './losses/target.js';
export {
  Batch,
  type Evaluation,
  type L2Mode,
  LassoNet,
  type LayerVariables,
  l2ModeSchema,
  type Penalties,
  type StepOptions,
  type Trainer,
} from './network.js';
export {
  ModelOptimizer,
  type OptimizerOptions,
  optimizerSchema,
  type ResolvedOptimizerOptions,
} from './optimizer.js';
export { accuracy, r2Score } from './scores.js';
export {
  type ConcordanceOptions,
  type ConcordanceTies,
  concordanceIndex,
} from './survival/concordanceIndex.js';
export {
  type CoxLossResult,
  type CoxOptions,
  type CoxRiskSet,
  CoxTarget,
  type CoxTies,
  coxLoss,
} from './survival/coxLoss.js';
export { RowSplitThread } from './threads/rowSplitThread.js';
