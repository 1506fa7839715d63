import { numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { type EstimatorSchema, workerUrlSchema } from '../options.js';
import { executorSchema } from '../parallel/executor.js';

/** What the cross-validation estimators take besides the estimator's own options. */
export const cvEntries = {
  /** The number of folds, an integer >= 2. Default 5. */
  cv: v.optional(numberOption({ integer: true, min: 2 }), 5),
  /**
   * Fold paths trained at once (each in its own worker where workers are available). Default:
   * `defaultWorkers(cv, cores)`, one per core or a few more when that shortens the last round
   * (3 for 5 folds on 2 cores). Results are the same for every value.
   */
  concurrency: v.optional(numberOption({ integer: true, min: 1 })),
  /** The worker script browsers need for concurrency; under Node the package's own is used. */
  workerUrl: v.optional(workerUrlSchema),
  /**
   * Where the fold paths train, instead of `concurrency` and `workerUrl`: an `InProcessExecutor`,
   * a `WorkerThreadExecutor`, or a `BullMQExecutor` of @lassonet/queue. The caller closes it.
   */
  executor: v.optional(executorSchema),
};

const cvOnlySchema = v.object(cvEntries);

export type CVOptions = OptionsInput<typeof cvOnlySchema>;

/** An estimator's options plus cv, concurrency, workerUrl and executor, in one strict schema. */
export function cvSchema(estimatorSchema: EstimatorSchema) {
  return v.strictObject({ ...estimatorSchema.entries, ...cvEntries });
}

/** The names of the options that belong to cross-validation itself. */
export const CV_OPTION_NAMES = Object.keys(cvEntries) as (keyof typeof cvEntries)[];
