import { LassoNetError } from '@lassonet/core';

/** What was wrong with a command line, an input file or a saved model. */
export type CliErrorCode =
  /** A bad command line: unknown command or option, a value that cannot be parsed. */
  | 'USAGE'
  /** An input file (table, model, groups) that does not exist or cannot be read. */
  | 'MISSING_FILE'
  /** A table without data rows, or without rows left after dropping incomplete ones. */
  | 'EMPTY_DATA'
  /** A column named on the command line (target, time, event, drop, groups) that is not in the table. */
  | 'UNKNOWN_COLUMN'
  /** Empty cells where no --impute strategy says what to do with them. */
  | 'MISSING_VALUES'
  /** A target, time or event column the task cannot learn from (constant, all empty, not numeric). */
  | 'INVALID_TARGET'
  /** A table whose cells do not fit what the model was fitted on (a new category, a missing column). */
  | 'INVALID_DATA'
  /** A model file that is not JSON, not a LassoNet model, or of another version. */
  | 'INVALID_MODEL'
  /** An output directory or file that cannot be written. */
  | 'UNWRITABLE_OUTPUT';

/**
 * Every error the command reports on bad input. A `LassoNetError`, like the errors of the
 * library packages: the command prints its message on one line and exits with code 2.
 */
export class CliError extends LassoNetError<CliErrorCode> {
  // Spelled out: a minifier renames classes, and the name is what identifies the error.
  override readonly name = 'CliError';
}
