import { LassoNetError } from '@lassonet/core';

/** What was wrong with the input, for callers that branch on it. */
export type ModelErrorCode =
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'INVALID_GROUPS'
  | 'EMPTY'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INVALID_LABEL'
  | 'INVALID_SURVIVAL'
  | 'INVALID_INTERVAL'
  | 'INVALID_CHECKPOINT'
  | 'DISPOSED'
  | 'NOT_FITTED'
  | 'THREAD_FAILED';

/** Every error this package throws on bad input: `code` names the problem, the message explains it. */
export class ModelError extends LassoNetError<ModelErrorCode> {}
