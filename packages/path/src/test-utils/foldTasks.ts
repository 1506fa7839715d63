import { makeClassification } from '@lassonet/datasets';
import type { LassoNetClassifierOptions } from '../options.js';
import type { PathTask } from '../parallel/pathTask.js';

/**
 * Synthetic classification data with `folds` interleaved folds (row i in fold i mod folds), and
 * the classifier path task of each fold: trained on the other folds, scored on its own, seeded
 * by its index. `y` replaces the labels (to make a task fail).
 */
export function classificationFolds(
  data: { nSamples: number; nFeatures: number; nClasses?: number; seed: number },
  folds: number,
  options: LassoNetClassifierOptions,
): { y: number[]; task: (fold: number, y?: number[]) => PathTask } {
  const { X, y } = makeClassification({ ...data, nInformative: 2, classSep: 2 });
  const shape: [number, number] = [data.nSamples, data.nFeatures];
  const packed = { data: Float32Array.from(X.flat()), shape };
  const rows = [...Array(data.nSamples).keys()];
  return {
    y,
    task: (fold, labels = y) => ({
      kind: 'classifier',
      options: { ...options, seed: fold },
      X: packed,
      y: labels,
      train: rows.filter((i) => i % folds !== fold),
      test: rows.filter((i) => i % folds === fold),
    }),
  };
}
