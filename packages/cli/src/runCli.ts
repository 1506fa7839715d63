import { readFileSync } from 'node:fs';
import { isLassoNetError, nearestName } from '@lassonet/core';
import { type FlagSpec, parseCommandLine } from './args/parseCommandLine.js';
import type { CommandContext, CommandSummary } from './commands/context.js';
import { CV_FLAGS, cvCommand } from './commands/cvCommand.js';
import { PATH_FLAGS, pathCommand } from './commands/pathCommand.js';
import { PREDICT_FLAGS, predictCommand } from './commands/predictCommand.js';
import { STABILITY_FLAGS, stabilityCommand } from './commands/stabilityCommand.js';
import { WORKER_FLAGS, type WorkerSummary, workerCommand } from './commands/workerCommand.js';
import { commandHelp, PREDICT_HELP, USAGE, WORKER_HELP } from './help.js';

interface Command {
  flags: Readonly<Record<string, FlagSpec>>;
  help: () => string;
  run: (
    line: ReturnType<typeof parseCommandLine>,
    ctx: CommandContext,
  ) => Promise<CommandSummary | WorkerSummary>;
}

const COMMANDS: Record<string, Command> = {
  path: { flags: PATH_FLAGS, help: () => commandHelp('path'), run: pathCommand },
  cv: { flags: CV_FLAGS, help: () => commandHelp('cv'), run: cvCommand },
  stability: {
    flags: STABILITY_FLAGS,
    help: () => commandHelp('stability'),
    run: stabilityCommand,
  },
  predict: { flags: PREDICT_FLAGS, help: () => PREDICT_HELP, run: predictCommand },
  worker: { flags: WORKER_FLAGS, help: () => WORKER_HELP, run: workerCommand },
};

/** Where the command writes; the process's streams by default. */
export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_STREAMS: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs `lassonet` with the arguments after the program name and returns its exit code: 0 when
 * done, 2 for bad input (one line on stderr), 130 when stopped by `signal` (Ctrl-C), 1 for
 * anything unexpected.
 */
export async function runCli(
  argv: readonly string[],
  options: { signal?: AbortSignal; release?: AbortSignal; streams?: CliStreams } = {},
): Promise<number> {
  const streams = options.streams ?? PROCESS_STREAMS;
  const ctx: CommandContext = {
    out: (line) => streams.stdout(`${line}\n`),
    write: (text) => streams.stdout(text),
    err: (line) => streams.stderr(`${line}\n`),
    signal: options.signal ?? new AbortController().signal,
    ...(options.release === undefined ? {} : { release: options.release }),
  };
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      ctx.out(USAGE);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      ctx.out(packageVersion());
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) {
      const near = nearestName(name, Object.keys(COMMANDS));
      ctx.err(
        `Unknown command '${name}'${near === undefined ? '' : ` (did you mean '${near}'?)`}: use path, cv, stability, predict or worker (see lassonet --help).`,
      );
      return 2;
    }
    const line = parseCommandLine(rest, command.flags, `lassonet ${name}`);
    if (line.values.help === true) {
      ctx.out(command.help());
      return 0;
    }
    const summary = await command.run(line, ctx);
    if (line.values.json === true) ctx.out(JSON.stringify(summary));
    return 0;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') {
      ctx.err('Stopped; no files were written.');
      return 130;
    }
    if (isLassoNetError(error)) {
      // Bad input of any kind: one line that names the problem.
      ctx.err(error.message.replace(/\s*\n\s*/g, ' '));
      return 2;
    }
    ctx.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

/** The version of this package, from its manifest (one directory above the built files). */
function packageVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
