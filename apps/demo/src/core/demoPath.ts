import type { MiceSplit } from '@lassonet/datasets';
import { LassoNetClassifier, type PathStep, selectedIndices } from '@lassonet/path';
import { classifierOptions, type DemoSettings } from './settings.js';
import { TestScorer } from './testScorer.js';

/** One lambda of the demo's path, as the charts, the table and mice-path.json show it. */
export interface DemoStep {
  lambda: number;
  nSelected: number;
  /** Indices of the features the step keeps, ascending. */
  selected: number[];
  testAccuracy: number;
  epochs: number;
}

/** Train and test rows (MICE's `miceSplit` gives them, with more). */
export type DemoData = Pick<MiceSplit, 'XTrain' | 'yTrain' | 'XTest' | 'yTest'>;

export interface DemoPathOptions {
  /** Called after the dense model and after every lambda. */
  onStep?: (step: DemoStep, index: number) => void;
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
  /** Threads the path trains on (the classifier's `threads`; 2 needs Node). Default 1. */
  threads?: number;
}

export interface DemoPath {
  steps: DemoStep[];
  /** Wall-clock time of the path, in seconds. */
  seconds: number;
}

/**
 * The default classifier path on the training rows, each step scored on the test rows as soon
 * as it is trained (so live charts can show it).
 */
export async function runDemoPath(
  split: DemoData,
  settings: DemoSettings,
  options: DemoPathOptions = {},
): Promise<DemoPath> {
  const model = new LassoNetClassifier({
    ...classifierOptions(settings),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
  });
  const scorer = new TestScorer(split.XTest, split.yTest);
  const steps: DemoStep[] = [];
  const start = performance.now();
  try {
    await model.path(split.XTrain, split.yTrain, {
      returnCheckpoints: true,
      onStep: (step: PathStep, index) => {
        const demoStep: DemoStep = {
          lambda: step.lambda,
          nSelected: step.nSelected,
          selected: selectedIndices(step),
          testAccuracy: scorer.accuracy(step.checkpoint as NonNullable<PathStep['checkpoint']>),
          epochs: step.epochs,
        };
        // The weights were needed for the score only; a full path would keep ~200 copies.
        delete step.checkpoint;
        steps.push(demoStep);
        options.onStep?.(demoStep, index);
      },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
    });
    return { steps, seconds: (performance.now() - start) / 1000 };
  } finally {
    scorer.dispose();
    model.dispose();
  }
}
