import { ModelError } from '@lassonet/model';
import type { PathStep } from './pathStep.js';

function checkPath(path: readonly unknown[], where: string): void {
  if (!Array.isArray(path) || path.length === 0) {
    throw new ModelError('EMPTY', `${where}: the path is empty.`);
  }
}

/**
 * The importance of each feature: the lambda at which it leaves the path (docs/method.md, "Feature
 * importance"), Infinity when it never does; a feature absent from the first step gets that step's
 * lambda. Larger is more important.
 */
export function featureImportances(path: readonly PathStep[]): number[] {
  checkPath(path, 'featureImportances');
  const first = path[0] as PathStep;
  const importance = first.selected.map((s) => (s ? Number.POSITIVE_INFINITY : first.lambda));
  const current = [...first.selected];
  for (const step of path.slice(1)) {
    step.selected.forEach((s, j) => {
      if (current[j] && !s) {
        importance[j] = step.lambda;
        current[j] = false;
      }
    });
  }
  return importance;
}

/**
 * The first step of the path with at most k selected features (the sparsest model the path
 * offers at that size), or undefined when every step has more. Any step record with
 * `nSelected` will do (a path's steps, or steps a caller has annotated).
 */
export function stepWithAtMost<S extends Pick<PathStep, 'nSelected'>>(
  path: readonly S[],
  k: number,
): S | undefined {
  checkPath(path, 'stepWithAtMost');
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0) {
    throw new ModelError('INVALID_OPTION', `k must be an integer >= 0, got ${String(k)}.`);
  }
  return path.find((step) => step.nSelected <= k);
}

/** The indices of the features a step selects, ascending. */
export function selectedIndices(step: Pick<PathStep, 'selected'>): number[] {
  return step.selected.flatMap((s, j) => (s ? [j] : []));
}
