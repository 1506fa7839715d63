import { type CVResult, LassoNetClassifierCV } from '@lassonet/path';
import type { DemoData } from './demoPath.js';
import { classifierOptions, type DemoSettings, type ParallelRun } from './settings.js';

/** The cross-validated classifier on the training rows, and its refit scored on the test rows. */
export interface DemoCV {
  folds: number;
  concurrency: number | undefined;
  /** The grid, fold curves and chosen lambda (what plotCV draws). */
  result: CVResult;
  bestLambda: number;
  bestCvScore: number;
  /** Feature indices the refit keeps at bestLambda. */
  bestSelected: number[];
  /** Accuracy of the refit on the held-out test rows. */
  testAccuracy: number;
  seconds: number;
}

export async function runDemoCV(
  split: DemoData,
  settings: DemoSettings,
  options: ParallelRun & { folds?: number; onFold?: (fold: number) => void } = {},
): Promise<DemoCV> {
  const folds = options.folds ?? 5;
  const model = new LassoNetClassifierCV({
    ...classifierOptions(settings),
    cv: folds,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  });
  const start = performance.now();
  try {
    await model.fit(split.XTrain, split.yTrain, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onFold === undefined ? {} : { onFold: (fold: number) => options.onFold?.(fold) }),
    });
    const seconds = (performance.now() - start) / 1000;
    const result = model.cvResult();
    return {
      folds,
      concurrency: options.concurrency,
      result,
      bestLambda: result.bestLambda,
      bestCvScore: result.bestCvScore,
      bestSelected: model.bestSelected ?? [],
      testAccuracy: model.score(split.XTest, split.yTest),
      seconds,
    };
  } finally {
    model.dispose();
  }
}
