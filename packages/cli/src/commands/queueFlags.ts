import type { PathExecutor } from '@lassonet/path';
import { BullMQExecutor } from '@lassonet/queue';
import { type CommandLine, integerFlag, stringFlag } from '../args/parseCommandLine.js';
import { CliError } from '../errors.js';

/** The flags of the commands whose paths can train on queue workers (cv, stability). */
export const QUEUE_FLAGS = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

/** Where a command's paths train: local threads (`--concurrency`) or a queue (`--redis`). */
export interface PathsPlace {
  /** The executor for `--redis`; undefined for local threads. */
  executor: PathExecutor | undefined;
  /** `--concurrency`, for local threads. */
  concurrency: number | undefined;
  /** Where, in words, for the notes. */
  where: string;
  close(): Promise<void>;
}

/** Reads --redis, --queue and --concurrency; connects to Redis (an unreachable one is an error). */
export async function pathsPlace(line: CommandLine): Promise<PathsPlace> {
  const url = stringFlag(line, 'redis');
  const queue = stringFlag(line, 'queue');
  const concurrency = integerFlag(line, 'concurrency', 1);
  if (url === undefined) {
    if (queue !== undefined) {
      throw new CliError('USAGE', '--queue names a queue on Redis: give --redis URL too.');
    }
    return { executor: undefined, concurrency, where: 'here', close: async () => {} };
  }
  if (concurrency !== undefined) {
    throw new CliError(
      'USAGE',
      '--concurrency is for local threads; with --redis, each worker sets its own (lassonet worker --concurrency N).',
    );
  }
  const executor = await BullMQExecutor.connect(url, queue === undefined ? {} : { queue });
  return {
    executor,
    concurrency: undefined,
    where: `on the workers of queue '${executor.queueName}'`,
    close: () => executor.close(),
  };
}
