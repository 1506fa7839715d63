/** What selection probabilities need of a path step. */
export interface SelectionStep {
  /** selected[j]: whether feature j is in the model at this step. */
  readonly selected: readonly boolean[];
}

/**
 * `prob[t][j]`: the fraction of the paths that select feature j at lambda index t, made
 * non-increasing along t for each feature (a running minimum), as stability selection reads a
 * path. Each path starts with its dense step, which is skipped: step t + 1 is lambda index t. A
 * path that ended before `nSteps` lambdas (no feature left) selects nothing at the later ones.
 */
export function selectionProbability(
  paths: readonly (readonly SelectionStep[])[],
  nSteps: number,
  nFeatures: number,
): number[][] {
  const counts = Array.from({ length: nSteps }, () => new Array<number>(nFeatures).fill(0));
  for (const path of paths) {
    for (let t = 0; t < nSteps; t++) {
      const step = path[t + 1];
      if (step === undefined) break;
      const row = counts[t] as number[];
      for (let j = 0; j < nFeatures; j++) {
        if (step.selected[j]) row[j] = (row[j] as number) + 1;
      }
    }
  }
  const nPaths = paths.length;
  const prob = counts.map((row) => row.map((c) => c / nPaths));
  for (let t = 1; t < nSteps; t++) {
    const row = prob[t] as number[];
    const previous = prob[t - 1] as number[];
    for (let j = 0; j < nFeatures; j++) {
      row[j] = Math.min(row[j] as number, previous[j] as number);
    }
  }
  return prob;
}
