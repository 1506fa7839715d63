import { LassoNetError } from '@lassonet/core';

/** What was wrong, for callers that branch on it. */
export type DatasetErrorCode =
  | 'MISSING_FILE'
  | 'DOWNLOAD_FAILED'
  | 'CHECKSUM_MISMATCH'
  | 'MALFORMED_FILE'
  | 'ABSENT_COLUMN'
  | 'RAGGED_ROW'
  | 'NON_NUMERIC'
  | 'MISSING_VALUE'
  | 'INVALID_LABEL'
  | 'EMPTY_DATA'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'NOT_FITTED';

/**
 * Every error this package throws on bad input: `code` names the problem, the message explains
 * it. A `LassoNetError`, so one `catch` can handle the errors of every LassoNet package.
 */
export class DatasetError extends LassoNetError<DatasetErrorCode> {
  // Spelled out: a minifier renames classes, and the name is what identifies the error.
  override readonly name = 'DatasetError';
}
