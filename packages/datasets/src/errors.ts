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

/** Every error this package throws on bad input: `code` names the problem, the message explains it. */
export class DatasetError extends Error {
  readonly code: DatasetErrorCode;

  constructor(code: DatasetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatasetError';
    this.code = code;
  }
}

/** Rejects option names a function does not know, so a typo never goes unnoticed. */
export function rejectUnknownOptions(
  options: object,
  known: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new DatasetError(
        'UNKNOWN_OPTION',
        `Unknown option '${key}' for ${where}. Known options: ${known.join(', ')}.`,
      );
    }
  }
}
