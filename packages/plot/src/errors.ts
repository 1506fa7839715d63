import { LassoNetError } from '@lassonet/core';

/** What was wrong with a chart's input, for callers that branch on it. */
export type PlotErrorCode =
  | 'EMPTY_DATA'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'NO_RASTERIZER';

/**
 * Every error this package throws on bad input: `code` names the problem, the message explains
 * it. A `LassoNetError`, so one `catch` can handle the errors of every LassoNet package.
 */
export class PlotError extends LassoNetError<PlotErrorCode> {
  // Spelled out: a minifier renames classes, and the name is what identifies the error.
  override readonly name = 'PlotError';
}
