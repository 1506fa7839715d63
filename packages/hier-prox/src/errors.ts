import { LassoNetError } from '@lassonet/core';

/** What was wrong with the input, for callers that branch on it. */
export type HierProxErrorCode =
  | 'NOT_A_TENSOR'
  | 'NOT_2D'
  | 'EMPTY'
  | 'DTYPE'
  | 'SHAPE_MISMATCH'
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'INVALID_GROUPS'
  | 'NON_FINITE';

/** Every error this package throws on bad input: `code` names the problem, the message explains it. */
export class HierProxError extends LassoNetError<HierProxErrorCode> {}
