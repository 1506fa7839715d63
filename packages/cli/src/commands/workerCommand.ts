import { redactUrl, startQueueWorker } from '@lassonet/queue';
import { type CommandLine, integerFlag, stringFlag } from '../args/parseCommandLine.js';
import { CliError } from '../errors.js';
import type { CommandContext } from './context.js';

export const WORKER_FLAGS = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  concurrency: { type: 'string' },
  'lock-duration': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `lassonet worker --json` prints when it stops. */
export interface WorkerSummary {
  command: 'worker';
  queue: string;
  completed: number;
  failed: number;
  released: number;
  seconds: number;
}

/**
 * `lassonet worker --redis URL`: trains the paths that `lassonet cv|stability --redis URL` (or the
 * library's BullMQExecutor) put on the queue, until Ctrl-C: the first finishes the paths in
 * progress, a second puts them back in the queue for another worker.
 */
export async function workerCommand(
  line: CommandLine,
  ctx: CommandContext,
): Promise<WorkerSummary> {
  const started = performance.now();
  if (line.positionals.length > 0) {
    throw new CliError(
      'USAGE',
      `lassonet worker takes no file, got ${line.positionals.join(' ')}: the tasks bring their data.`,
    );
  }
  const url = stringFlag(line, 'redis');
  if (url === undefined) {
    throw new CliError(
      'USAGE',
      'lassonet worker needs --redis URL (redis://host:6379, rediss:// for TLS).',
    );
  }
  const concurrency = integerFlag(line, 'concurrency', 1) ?? 1;
  const lockDurationMs = integerFlag(line, 'lock-duration', 500);
  const queue = stringFlag(line, 'queue');
  const note = line.values.json === true ? ctx.err : ctx.out;
  const counts = { completed: 0, failed: 0, released: 0 };
  const label = new Map<string, string>();
  const worker = await startQueueWorker(url, {
    concurrency,
    ...(queue === undefined ? {} : { queue }),
    ...(lockDurationMs === undefined ? {} : { lockDurationMs }),
    onEvent: (event) => {
      switch (event.type) {
        case 'started': {
          const name = `path ${event.index + 1} of ${event.count} (${event.kind}, ${event.rows} rows)`;
          label.set(event.jobId, name);
          note(`${name}: started`);
          break;
        }
        case 'completed':
          counts.completed++;
          note(`${label.get(event.jobId) ?? event.jobId}: done in ${event.seconds.toFixed(1)} s`);
          break;
        case 'failed':
          counts.failed++;
          note(`${label.get(event.jobId) ?? `task ${event.jobId}`}: failed: ${event.reason}`);
          break;
        case 'released':
          counts.released++;
          note(`${label.get(event.jobId) ?? event.jobId}: put back in the queue`);
          break;
      }
      if (event.type !== 'started') label.delete(event.jobId);
    },
  });
  note(
    `Serving queue '${worker.queue}' at ${redactUrl(url)} with ${concurrency} thread${concurrency === 1 ? '' : 's'}. ` +
      'Ctrl-C stops after the paths in progress; twice puts them back in the queue.',
  );
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  note('Stopping: finishing the paths in progress (Ctrl-C again puts them back in the queue).');
  const onRelease = () => {
    void worker.close({ release: true });
  };
  if (ctx.release?.aborted) onRelease();
  ctx.release?.addEventListener('abort', onRelease, { once: true });
  try {
    await worker.close();
  } finally {
    ctx.release?.removeEventListener('abort', onRelease);
  }
  note(
    `Stopped: ${counts.completed} path${counts.completed === 1 ? '' : 's'} done, ${counts.failed} failed, ${counts.released} put back.`,
  );
  return {
    command: 'worker',
    queue: worker.queue,
    ...counts,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}
