import { type StabilitySelectionResult, stabilitySelection } from '@lassonet/path';
import type { DemoData } from './demoPath.js';
import { classifierOptions, type DemoSettings, type ParallelRun } from './settings.js';

/** Stability selection of the classifier on the training rows. */
export interface DemoStability {
  nModels: number;
  result: StabilitySelectionResult;
  seconds: number;
}

export async function runDemoStability(
  split: DemoData,
  settings: DemoSettings,
  options: ParallelRun & { nModels?: number; onModel?: (index: number) => void } = {},
): Promise<DemoStability> {
  const nModels = options.nModels ?? 20;
  const start = performance.now();
  const result = await stabilitySelection(split.XTrain, split.yTrain, {
    estimator: 'classifier',
    options: classifierOptions(settings),
    nModels,
    seed: settings.seed,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onModel === undefined
      ? {}
      : { onModel: (index: number) => options.onModel?.(index) }),
  });
  return { nModels, result, seconds: (performance.now() - start) / 1000 };
}
