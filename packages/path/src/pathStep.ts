import type { LassoNetCheckpoint } from '@lassonet/model';

/** One lambda of a regularization path, as plain data. The first step is the dense model (lambda 0). */
export interface PathStep {
  lambda: number;
  /** selected[j]: whether feature j is still in the model. */
  selected: boolean[];
  nSelected: number;
  /** The training loss of the step's weights (without penalties). */
  loss: number;
  /** The validation loss of the step's weights (without penalties). */
  valLoss: number;
  /** loss + lambda · regularization + the L2 terms. */
  objective: number;
  /** valLoss + lambda · regularization + the L2 terms: what early stopping watched. */
  valObjective: number;
  /** sum_j ||skip weights of feature j||_2 (per group with groups). */
  regularization: number;
  /** Epochs trained at this lambda. */
  epochs: number;
  /** The weights, when the path was asked for checkpoints; `estimator.load(step)` restores them. */
  checkpoint?: LassoNetCheckpoint;
}
