/** What a command needs from the process it runs in: where to write, and when to stop. */
export interface CommandContext {
  /** A line for stdout: the results, or with --json the summary alone. */
  out(line: string): void;
  /** Text for stdout as it is (a CSV). */
  write(text: string): void;
  /** A line for stderr: notes and warnings. */
  err(line: string): void;
  /** Aborted on Ctrl-C: training stops between epochs and nothing is written. */
  signal: AbortSignal;
}

/** The last stdout line of `--json`: what every command reports, plus its own fields. */
export interface CommandSummary {
  command: string;
  task: string;
  /** The model's features: numeric columns, and `column=value` for each category of a text column. */
  features: string[];
  nRows: number;
  seconds: number;
  outputs: string[];
  [field: string]: unknown;
}
