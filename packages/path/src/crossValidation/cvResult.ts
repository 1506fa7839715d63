import { ModelError } from '@lassonet/model';
import type { PathStep } from '../pathStep.js';
import {
  argmaxFirst,
  columnMeans,
  interpolateLogLambda,
  lambdaGrid,
  stepValuesAt,
} from './cvGrid.js';

/** One fold's path and its held-out scores, as plain data. */
export interface CVFoldResult {
  /** The fold's path: the dense model (lambda 0) first. */
  steps: PathStep[];
  /** scores[t]: the score of step t on the fold's held-out rows. */
  scores: number[];
}

/**
 * The cross-validation curves on the common grid (the fields `plotCV` of @lassonet/plot reads).
 */
export interface CVResult {
  /** The common penalty grid, increasing. */
  lambdas: number[];
  /** foldScores[f][i]: fold f's held-out score at lambdas[i] (interpolated in log lambda). */
  foldScores: number[][];
  /** meanScores[i]: the mean of the folds' scores at lambdas[i]. */
  meanScores: number[];
  /** The index in `lambdas` of the best mean score (the first on ties). */
  bestIndex: number;
  /** lambdas[bestIndex]. */
  bestLambda: number;
  /** meanScores[bestIndex]. */
  bestCvScore: number;
  /** foldSelected[f][i]: the features fold f's path keeps at lambdas[i]. */
  foldSelected: number[][];
}

/**
 * Puts the folds on one grid and picks the penalty with the best mean score (docs/method.md,
 * "Cross-validation").
 * Each fold's curve is taken after its dense model: the grid starts at the first lambda.
 */
export function summarizeFolds(folds: readonly CVFoldResult[], pathMultiplier: number): CVResult {
  folds.forEach((fold, f) => {
    if (fold.scores.length !== fold.steps.length) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `Fold ${f} has ${fold.scores.length} scores for ${fold.steps.length} steps; it needs one per step.`,
      );
    }
    if (fold.steps.length < 2) {
      throw new ModelError(
        'EMPTY',
        `Fold ${f} trained the dense model only; cross-validation needs a path of lambdas in every fold.`,
      );
    }
  });
  const lambdas = lambdaGrid(
    folds.map((fold) => fold.steps.map((s) => s.lambda)),
    pathMultiplier,
  );
  const foldScores = folds.map((fold) =>
    interpolateLogLambda(
      lambdas,
      fold.steps.slice(1).map((s) => s.lambda),
      fold.scores.slice(1),
    ),
  );
  const foldSelected = folds.map((fold) =>
    stepValuesAt(
      lambdas,
      fold.steps.slice(1).map((s) => s.lambda),
      fold.steps.slice(1).map((s) => s.nSelected),
    ),
  );
  const meanScores = columnMeans(foldScores);
  const bestIndex = argmaxFirst(meanScores);
  if (bestIndex < 0) {
    throw new ModelError(
      'NON_FINITE',
      'Every mean cross-validation score is NaN: the held-out folds could not be scored.',
    );
  }
  return {
    lambdas,
    foldScores,
    meanScores,
    bestIndex,
    bestLambda: lambdas[bestIndex] as number,
    bestCvScore: meanScores[bestIndex] as number,
    foldSelected,
  };
}
