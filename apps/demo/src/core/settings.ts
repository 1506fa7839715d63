import type { LassoNetClassifierOptions } from '@lassonet/path';

/** What a demo run is asked for; everything else is the classifier's default. */
export interface DemoSettings {
  /** Seeds the train/test split and the network. */
  seed: number;
  /** Hidden layer sizes. Default [100]. */
  hiddenDims: readonly number[];
  /** The path's lambda ratio; undefined is the default (1.02, or 1.1 when quick). */
  pathMultiplier?: number;
  /** Few epochs and a coarse path: a smoke run of seconds, not a result. */
  quick: boolean;
}

/** How a run of many paths may go: how many at once (undefined: the library's default), and a stop. */
export interface ParallelRun {
  concurrency?: number;
  signal?: AbortSignal;
}

export const DEFAULT_SETTINGS: DemoSettings = { seed: 0, hiddenDims: [100], quick: false };

/** Quick runs cap the epochs per lambda and take larger lambda steps. */
const QUICK: LassoNetClassifierOptions = {
  nIters: [200, 10],
  patience: [10, 3],
  pathMultiplier: 1.1,
};

/** The classifier options of a demo run. */
export function classifierOptions(s: DemoSettings): LassoNetClassifierOptions {
  return {
    seed: s.seed,
    hiddenDims: [...s.hiddenDims],
    ...(s.quick ? QUICK : {}),
    ...(s.pathMultiplier === undefined ? {} : { pathMultiplier: s.pathMultiplier }),
  };
}
