/** What was wrong with a chart's input, for callers that branch on it. */
export type PlotErrorCode =
  | 'EMPTY_DATA'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INVALID_OPTION'
  | 'UNKNOWN_OPTION'
  | 'NO_RASTERIZER';

/** Every error this package throws on bad input: `code` names the problem, the message explains it. */
export class PlotError extends Error {
  readonly code: PlotErrorCode;

  constructor(code: PlotErrorCode, message: string) {
    super(message);
    this.name = 'PlotError';
    this.code = code;
  }
}
