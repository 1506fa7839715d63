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
  /**
   * Aborted on a second Ctrl-C (or SIGTERM), for a command that can still stop cleanly then: a
   * worker puts its task back in the queue instead of finishing it.
   */
  release?: AbortSignal;
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
