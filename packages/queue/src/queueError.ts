import { LassoNetError } from '@lassonet/core';

/** What can go wrong between LassoNet and Redis. */
export type QueueErrorCode =
  /** The Redis URL is not a redis:// or rediss:// URL. */
  | 'INVALID_URL'
  /** Redis did not answer (refused, timed out, wrong password). */
  | 'REDIS_UNREACHABLE'
  /** An executor or worker option is invalid. */
  | 'INVALID_OPTION'
  /** The executor was used after close(). */
  | 'CLOSED';

export class QueueError extends LassoNetError<QueueErrorCode> {}
