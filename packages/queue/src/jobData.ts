import { numberOption } from '@lassonet/core';
import { type PathTaskResult, pathTaskSpecSchema } from '@lassonet/path';
import * as v from 'valibot';

/** The name of every LassoNet job. */
export const JOB_NAME = 'lassonet-path';

const shaSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'));

/**
 * A job's data: one path task as plain JSON, the Redis key of its table and that table's SHA-256,
 * the backend to train on, and the run it belongs to. Workers check every job against this
 * schema (and the task's options against the estimator's schema) before running it.
 */
export const jobDataSchema = v.strictObject({
  version: v.literal(1),
  runId: v.pipe(v.string(), v.minLength(1)),
  index: numberOption({ integer: true, min: 0 }),
  count: numberOption({ integer: true, min: 1 }),
  backend: v.pipe(v.string(), v.minLength(1)),
  table: v.strictObject({ key: v.pipe(v.string(), v.minLength(1)), sha256: shaSchema }),
  runKey: v.pipe(v.string(), v.minLength(1)),
  task: pathTaskSpecSchema,
});

export type JobData = v.InferOutput<typeof jobDataSchema>;

const NON_FINITE = '$nonFinite';

/**
 * A task's result as JSON text: NaN and ±Infinity (a score on a fold without events, a loss that
 * diverged) survive, as `{"$nonFinite": "NaN"}`, where plain JSON would make them null.
 */
export function encodeResult(result: PathTaskResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? { [NON_FINITE]: String(value) } : value,
  );
}

/** The result `encodeResult` wrote. */
export function decodeResult(text: string): PathTaskResult {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && NON_FINITE in value) {
      return Number((value as Record<string, string>)[NON_FINITE]);
    }
    return value;
  }) as PathTaskResult;
}
