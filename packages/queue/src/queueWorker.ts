import { useBackend } from '@lassonet/backend';
import { functionOption, numberOption, parseOptions } from '@lassonet/core';
import { pathTaskFromSpec, WorkerThreadExecutor } from '@lassonet/path';
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import * as v from 'valibot';
import { encodeResult, JOB_NAME, type JobData, jobDataSchema } from './jobData.js';
import { DEFAULT_PREFIX, DEFAULT_QUEUE } from './keys.js';
import { QueueError } from './queueError.js';
import { connectRedis } from './redisConnection.js';
import { decodeTable, TableCache } from './table.js';

/** What a queue worker reports as it goes. */
export type QueueWorkerEvent =
  | { type: 'started'; jobId: string; index: number; count: number; kind: string; rows: number }
  | { type: 'completed'; jobId: string; seconds: number }
  | { type: 'failed'; jobId: string; reason: string }
  | { type: 'released'; jobId: string };

const NAME = v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'must be letters, digits, _ . or -'));

const workerSchema = v.strictObject({
  /** The queue to serve. Default 'lassonet'. */
  queue: v.optional(NAME, DEFAULT_QUEUE),
  /** The prefix of every Redis key. Default 'lassonet'. */
  prefix: v.optional(NAME, DEFAULT_PREFIX),
  /** Paths trained at once, each in its own worker thread. Default 1. */
  concurrency: v.optional(numberOption({ integer: true, min: 1 }), 1),
  /**
   * How long a task stays locked to this worker without a renewal, in ms (renewed every half of
   * it while the path trains). A killed worker's task goes to another worker after about this
   * long, plus up to one stalled-job check, which runs as often. Default 30000.
   */
  lockDurationMs: v.optional(numberOption({ integer: true, min: 500 }), 30_000),
  /** Called for every task started, completed, failed or released. */
  onEvent: v.optional(functionOption<(event: QueueWorkerEvent) => void>()),
});

export type QueueWorkerOptions = v.InferInput<typeof workerSchema>;

/** A running queue worker. */
export interface QueueWorker {
  /** The queue it serves. */
  readonly queue: string;
  /**
   * Stops taking tasks. By default the tasks in progress finish first; with `release`, they stop
   * at once and go back to the queue for another worker. Then the connections close.
   */
  close(options?: { release?: boolean }): Promise<void>;
}

const RUN_ENDED = 'Its run has ended (finished, failed or abandoned by its submitter).';

/** How often a task checks that its run still wants it, in ms. */
const RUN_CHECK_MS = 2000;

/**
 * Serves LassoNet path tasks from a BullMQ queue in Redis until closed: each job is checked
 * against the job schema, its table is read once per worker (and checked against its SHA-256),
 * its estimator is built from the registry with the estimator's own schema, and its path trains
 * in a worker thread, so the lock on the job is renewed while it trains. A task that cannot run
 * (bad input, missing backend, expired table) fails at once, without retries; a task whose run
 * has ended (its submitter finished, failed or died) stops.
 */
export async function startQueueWorker(
  url: string,
  options: QueueWorkerOptions = {},
): Promise<QueueWorker> {
  const o = parseOptions(workerSchema, options, 'startQueueWorker', QueueError);
  const redis = await connectRedis(url, { reconnect: 'always' });
  const threads = new WorkerThreadExecutor({ concurrency: o.concurrency });
  const tables = new TableCache();
  const active = new Map<string, { controller: AbortController; release: boolean }>();
  let backendTurn = Promise.resolve();
  const emit = (event: QueueWorkerEvent) => {
    try {
      o.onEvent?.(event);
    } catch {
      // A reporting callback never stops a task.
    }
  };

  const processor = async (job: Job, token?: string): Promise<string> => {
    const data = checkJob(job);
    const jobId = job.id as string;
    if ((await redis.exists(data.runKey)) === 0) {
      throw new UnrecoverableError(RUN_ENDED);
    }
    const entry = { controller: new AbortController(), release: false };
    active.set(jobId, entry);
    const watch = setInterval(() => {
      void redis
        .exists(data.runKey)
        .then((alive) => {
          if (alive === 0) entry.controller.abort();
        })
        .catch(() => {});
    }, RUN_CHECK_MS);
    const started = performance.now();
    try {
      const table = await tables.get(data.table.sha256, async () => {
        const bytes = await redis.getBuffer(data.table.key);
        if (bytes === null) {
          throw new UnrecoverableError(
            "Its table is no longer in Redis (the run's keys expired or were removed).",
          );
        }
        try {
          return decodeTable(bytes, data.table.sha256);
        } catch (error) {
          throw new UnrecoverableError(
            `Its table is unreadable: ${String((error as Error).message)}.`,
          );
        }
      });
      const task = unrecoverable(() => pathTaskFromSpec(data.task, table.X, table.y));
      // The thread pool trains on the backend active when a run starts: activating the task's
      // backend and starting its run happen together, one task at a time, so that two tasks for
      // different backends cannot swap them.
      const running = await new Promise<{ run: ReturnType<WorkerThreadExecutor['run']> }>(
        (resolve, reject) => {
          backendTurn = backendTurn.then(async () => {
            try {
              await useBackend(data.backend);
              resolve({ run: threads.run([task], { signal: entry.controller.signal }) });
            } catch (error) {
              reject(unrecoverableError(error));
            }
          });
        },
      );
      emit({
        type: 'started',
        jobId,
        index: data.index,
        count: data.count,
        kind: task.kind,
        rows: task.train.length,
      });
      let result: Awaited<ReturnType<WorkerThreadExecutor['run']>>;
      try {
        result = await running.run;
      } catch (error) {
        if (entry.release) {
          await job.moveToWait(token);
          emit({ type: 'released', jobId });
          throw new WaitingError();
        }
        if (entry.controller.signal.aborted) {
          throw new UnrecoverableError(RUN_ENDED);
        }
        // The path's own error (bad labels, a diverging loss): running it again would not help.
        throw unrecoverableError((error as { cause?: unknown }).cause ?? error);
      }
      emit({ type: 'completed', jobId, seconds: (performance.now() - started) / 1000 });
      return encodeResult(result[0] as NonNullable<(typeof result)[0]>);
    } catch (error) {
      if (!(error instanceof WaitingError)) {
        emit({
          type: 'failed',
          jobId,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      throw error;
    } finally {
      clearInterval(watch);
      active.delete(jobId);
    }
  };

  const worker = new Worker(o.queue, processor, {
    connection: redis,
    prefix: o.prefix,
    concurrency: o.concurrency,
    lockDuration: o.lockDurationMs,
    stalledInterval: o.lockDurationMs,
    // A task whose worker died twice still gets a third worker; more than that is a pattern.
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('error', () => {});
  void worker.run();
  await worker.waitUntilReady();

  let closing: Promise<void> | undefined;
  return {
    queue: o.queue,
    close: async ({ release = false } = {}) => {
      if (release) {
        for (const entry of active.values()) {
          entry.release = true;
          entry.controller.abort();
        }
      }
      closing ??= (async () => {
        await worker.close();
        await threads.close();
        redis.disconnect();
      })();
      await closing;
    },
  };
}

function checkJob(job: Job): JobData {
  if (job.name !== JOB_NAME) {
    throw new UnrecoverableError(`Not a LassoNet task (job name '${job.name}').`);
  }
  return unrecoverable(() => parseOptions(jobDataSchema, job.data, 'a LassoNet task', QueueError));
}

/** Errors of checking a task: running it again would fail the same way. */
function unrecoverable<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw unrecoverableError(error);
  }
}

/** A task's error as one BullMQ does not retry, with the same message. */
function unrecoverableError(error: unknown): UnrecoverableError {
  return new UnrecoverableError(error instanceof Error ? error.message : String(error));
}
