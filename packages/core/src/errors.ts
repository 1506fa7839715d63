/**
 * The one error class of every LassoNet package. `code` names the problem for callers that
 * branch on it (`INVALID_OPTION`, `SHAPE_MISMATCH`, …); the message explains it to a person.
 * Catch `LassoNetError` to handle any of them; each package's subclass narrows `code` to the
 * codes that package raises.
 */
export class LassoNetError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Whether `error` is a LassoNet error (with a code), from any package or copy of one. */
export function isLassoNetError(error: unknown): error is LassoNetError {
  if (error instanceof LassoNetError) return true;
  // Two installed copies of this package give two classes; the shape still identifies one.
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /Error$/.test(error.name)
  );
}
