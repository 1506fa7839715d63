import { functionOption, numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { BaseLassoNet } from '../estimator.js';
import type { ClassificationY } from '../estimators/classifier.js';
import type { SurvivalY } from '../estimators/coxRegressor.js';
import type { IntervalY } from '../estimators/intervalRegressor.js';
import type { RegressionY } from '../estimators/regressor.js';
import {
  type LassoNetClassifierOptions,
  type LassoNetCoxRegressorOptions,
  type LassoNetOptions,
  signalSchema,
  workerUrlSchema,
} from '../options.js';
import type { PathExecutor } from '../parallel/executor.js';
import { executorSchema } from '../parallel/executor.js';
import type { PathStep } from '../pathStep.js';
import { ESTIMATOR_KINDS } from '../registry.js';

/** The targets and the options of each estimator stability selection can train. */
export interface StabilityEstimators {
  regressor: { y: RegressionY; options: LassoNetOptions };
  classifier: { y: ClassificationY; options: LassoNetClassifierOptions };
  cox: { y: SurvivalY; options: LassoNetCoxRegressorOptions };
  interval: { y: IntervalY; options: LassoNetOptions };
}

/** The estimator that trains the paths, by name. */
export type StabilityEstimatorKind = keyof StabilityEstimators;

const KIND_LIST = ESTIMATOR_KINDS.map((k) => `'${k}'`).join(', ');

/** What `new StabilitySelection()` takes. */
export const stabilitySchema = v.strictObject({
  /**
   * The estimator whose paths vote: a kind ('regressor', 'classifier', 'cox', 'interval') with
   * `options`, or an unfitted estimator, whose kind and options are used.
   */
  estimator: v.union(
    [
      v.picklist(ESTIMATOR_KINDS),
      v.custom<BaseLassoNet<unknown, unknown>>((x) => x instanceof BaseLassoNet),
    ],
    `must be an estimator (${KIND_LIST}) or an estimator instance such as new LassoNetClassifier()`,
  ),
  /** The estimator's options, the same for every path (plain data). */
  options: v.optional(
    v.pipe(
      v.custom<Record<string, unknown>>(
        (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
        "must be the estimator's options object",
      ),
    ),
  ),
  /** Paths on random halves that vote on the features. Default 20. */
  nModels: v.optional(numberOption({ integer: true, min: 1 }), 20),
  /** Seed of the random halves. Default 0. The networks use the estimator's own seed. */
  seed: v.optional(numberOption({ integer: true, min: 0 }), 0),
  /**
   * Paths trained at once, each in its own worker (worker threads under Node, Web Workers in
   * browsers); 1 trains them one after another in this thread. Default under Node:
   * `defaultWorkers(nModels, cores)`. Results do not depend on it.
   */
  concurrency: v.optional(numberOption({ integer: true, min: 1 })),
  /** The worker script browsers need for concurrency; under Node the package's own is used. */
  workerUrl: v.optional(workerUrlSchema),
  /**
   * Where the paths train, instead of `concurrency` and `workerUrl`: an `InProcessExecutor`, a
   * `WorkerThreadExecutor`, or a `BullMQExecutor` of @lassonet/queue. The caller closes it.
   */
  executor: v.optional(executorSchema),
});

/** What `StabilitySelection.fit()` takes. */
export const stabilityFitSchema = v.strictObject({
  /** Aborting stops every path; the promise rejects with an AbortError. */
  signal: v.optional(signalSchema),
  /** Called as each of the nModels paths finishes (in any order), with its index. */
  onModel: v.optional(functionOption<(index: number, steps: PathStep[]) => void>()),
});

export type StabilityOptions = OptionsInput<typeof stabilitySchema>;
export type StabilityFitOptions = OptionsInput<typeof stabilityFitSchema>;

/** Options of `stabilitySelection()`: the selector's and its fit's, in one object. */
export interface StabilitySelectionOptions<
  K extends StabilityEstimatorKind = StabilityEstimatorKind,
> extends StabilityFitOptions {
  estimator: K | BaseLassoNet<StabilityEstimators[K]['y'], unknown>;
  options?: StabilityEstimators[K]['options'];
  nModels?: number;
  seed?: number;
  concurrency?: number;
  workerUrl?: string | URL;
  executor?: PathExecutor;
}
