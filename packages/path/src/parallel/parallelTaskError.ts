import { LassoNetError } from '@lassonet/core';

/** A path that failed where it ran: which one, and why (the worker's error is the cause). */
export class ParallelTaskError extends LassoNetError<'TASK_FAILED'> {
  constructor(
    readonly taskIndex: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('TASK_FAILED', message, options);
  }
}

/** The error a run rejects with when task `index` of `count` failed with `error`. */
export function taskFailure(
  index: number,
  count: number,
  error: unknown,
  where = 'in its worker',
): ParallelTaskError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ParallelTaskError(index, `Path ${index + 1} of ${count} failed ${where}: ${reason}`, {
    cause: error,
  });
}
