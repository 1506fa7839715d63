import { randomUUID } from 'node:crypto';
import { backendName } from '@lassonet/backend';
import { abortError, numberOption, parseOptions } from '@lassonet/core';
import type { HostMatrix } from '@lassonet/model';
import {
  type ExecutorRunOptions,
  type ParallelTaskError,
  type PathExecutor,
  type PathTask,
  type PathTaskResult,
  type PlainY,
  pathTaskFromSpec,
  taskFailure,
  taskSpec,
} from '@lassonet/path';
import { type Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import * as v from 'valibot';
import { decodeResult, JOB_NAME, type JobData } from './jobData.js';
import { DEFAULT_PREFIX, DEFAULT_QUEUE, runKey, tableKey } from './keys.js';
import { QueueError } from './queueError.js';
import { connectRedis } from './redisConnection.js';
import { redactUrl } from './redisUrl.js';
import { encodeTable } from './table.js';

const executorSchema = v.strictObject({
  /** The queue the workers serve. Default 'lassonet'. */
  queue: v.optional(
    v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'must be letters, digits, _ . or -')),
    DEFAULT_QUEUE,
  ),
  /** The prefix of every Redis key. Default 'lassonet'. */
  prefix: v.optional(
    v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'must be letters, digits, _ . or -')),
    DEFAULT_PREFIX,
  ),
  /**
   * How long the run's keys (tables, the run's marker, finished jobs) outlive a submitter that
   * stopped without cleaning up, in ms. A living submitter renews them. Default 10 minutes.
   */
  ttlMs: v.optional(numberOption({ integer: true, min: 1000 }), 600_000),
  /** How often to look up unfinished tasks in case an event was missed, in ms. Default 5000. */
  pollMs: v.optional(numberOption({ integer: true, min: 50 }), 5000),
});

export type BullMQExecutorOptions = v.InferInput<typeof executorSchema>;

/**
 * Runs paths on the workers of a BullMQ queue in Redis (`lassonet worker --redis URL`, or
 * `startQueueWorker`), on any number of machines. Each run stores its table once, as Float32
 * bytes under its SHA-256, and sends one job per path: a JSON description (estimator kind,
 * options, rows, lambdas) that workers validate with the estimator's own schema. Results come back
 * as the jobs' return values; the run's jobs and keys are removed when it ends, and expire on their
 * own if the submitter dies. A worker killed mid-path loses nothing: BullMQ gives its job to
 * another worker once the lock lapses. Every task carries its seed, so results are identical to a
 * local run on the same backend.
 *
 * @example
 * const executor = await BullMQExecutor.connect('redis://127.0.0.1:6379');
 * try {
 *   const result = await stabilitySelection(X, y, { estimator: 'regressor', executor });
 * } finally {
 *   await executor.close();
 * }
 */
export class BullMQExecutor implements PathExecutor {
  readonly queueName: string;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly pollMs: number;
  /** Tables stored by this executor: their keys, renewed while it is open. */
  private readonly tables = new Map<string, string>();
  private readonly liveRuns = new Set<string>();
  private readonly session = randomUUID();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Removals of finished runs' jobs still locked by a worker. */
  private readonly cleanups = new Set<Promise<void>>();
  private closed = false;

  private constructor(
    readonly url: string,
    private readonly redis: Redis,
    private readonly eventsConnection: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    options: v.InferOutput<typeof executorSchema>,
  ) {
    this.queueName = options.queue;
    this.prefix = options.prefix;
    this.ttlMs = options.ttlMs;
    this.pollMs = options.pollMs;
  }

  /**
   * Connects to Redis at `url` (redis:// or rediss:// for TLS, with a password if it needs one).
   * An unreachable server is a QueueError ('REDIS_UNREACHABLE') within 5 seconds.
   */
  static async connect(url: string, options: BullMQExecutorOptions = {}): Promise<BullMQExecutor> {
    const o = parseOptions(executorSchema, options, 'BullMQExecutor', QueueError);
    const redis = await connectRedis(url, { reconnect: 'briefly' });
    const queue = new Queue(o.queue, { connection: redis, prefix: o.prefix });
    // BullMQ leaves connections it is given open: close() ends both.
    const eventsConnection = redis.duplicate();
    eventsConnection.on('error', () => {});
    const events = new QueueEvents(o.queue, { connection: eventsConnection, prefix: o.prefix });
    queue.on('error', () => {});
    events.on('error', () => {});
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new BullMQExecutor(url, redis, eventsConnection, queue, events, o);
  }

  async run(
    tasks: readonly PathTask[],
    options: ExecutorRunOptions = {},
  ): Promise<PathTaskResult[]> {
    if (this.closed) {
      throw new QueueError('CLOSED', 'This BullMQExecutor is closed: connect a new one.');
    }
    const { signal, onTaskDone } = options;
    if (signal?.aborted) throw abortError(signal);
    const backend = backendName();
    if (backend === undefined) {
      throw new QueueError(
        'INVALID_OPTION',
        'No tensor backend is active: call useBackend() first; queue workers train on the same backend.',
      );
    }
    // A task that cannot travel as JSON is the caller's error, named before any is sent.
    for (const task of tasks) pathTaskFromSpec(taskSpec(task), task.X, task.y);
    const runId = randomUUID();
    const marker = runKey(this.prefix, this.queueName, runId);
    this.liveRuns.add(marker);
    this.startHeartbeat();
    const jobIds = tasks.map((_, index) => `${runId}-${index}`);
    const results: (PathTaskResult | undefined)[] = tasks.map(() => undefined);
    let remaining = tasks.length;

    let settle!: { resolve: () => void; reject: (error: unknown) => void };
    const done = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A failure while the jobs are still being added is thrown from there; never unhandled.
    done.catch(() => {});
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      settle.reject(error);
    };
    const indexOf = (jobId: string) => {
      if (!jobId.startsWith(`${runId}-`)) return -1;
      const index = Number(jobId.slice(runId.length + 1));
      return Number.isInteger(index) && index < tasks.length ? index : -1;
    };
    const complete = (index: number, text: unknown) => {
      // A duplicate completion (a task run twice around a lapsed lock) is ignored.
      if (failed || results[index] !== undefined) return;
      let result: PathTaskResult;
      try {
        result = decodeResult(String(text));
      } catch (error) {
        fail(taskError(index, tasks.length, `its result could not be read (${String(error)})`));
        return;
      }
      results[index] = result;
      remaining--;
      try {
        onTaskDone?.(index, result);
      } catch (error) {
        fail(error);
        return;
      }
      if (remaining === 0) settle.resolve();
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      const index = indexOf(jobId);
      if (index >= 0) complete(index, returnvalue);
    };
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
      const index = indexOf(jobId);
      if (index >= 0 && results[index] === undefined) {
        fail(taskError(index, tasks.length, failedReason));
      }
    };
    const onAbort = () => fail(abortError(signal as AbortSignal));
    signal?.addEventListener('abort', onAbort, { once: true });
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    // Events can be missed (a reconnection, a trimmed stream): unfinished jobs are looked up too.
    const poll = setInterval(() => {
      void this.reconcile(jobIds, results, complete, onFailed).catch(() => {});
    }, this.pollMs);

    try {
      if (tasks.length === 0) return [];
      const ttl = this.ttlMs;
      await this.redis.set(marker, '1', 'PX', ttl);
      // Tasks share their X and y objects: each pair is encoded and hashed once.
      const tableOf = new Map<HostMatrix, Map<PlainY, { key: string; sha256: string }>>();
      const tables: { key: string; sha256: string }[] = [];
      for (const task of tasks) {
        const byY = tableOf.get(task.X) ?? new Map<PlainY, { key: string; sha256: string }>();
        tableOf.set(task.X, byY);
        let table = byY.get(task.y);
        if (table === undefined) {
          table = await this.storeTable(task.X, task.y);
          byY.set(task.y, table);
        }
        tables.push(table);
      }
      const jobs = tasks.map((task, index) => {
        const data: JobData = {
          version: 1,
          runId,
          index,
          count: tasks.length,
          backend,
          table: tables[index] as { key: string; sha256: string },
          runKey: marker,
          task: taskSpec(task),
        };
        return {
          name: JOB_NAME,
          data,
          opts: {
            jobId: jobIds[index] as string,
            attempts: 1,
            removeOnComplete: { age: Math.ceil(ttl / 1000) },
            removeOnFail: { age: Math.ceil(ttl / 1000) },
          },
        };
      });
      if (signal?.aborted) throw abortError(signal);
      await this.queue.addBulk(jobs);
      await done;
      return results as PathTaskResult[];
    } catch (error) {
      fail(error);
      throw error;
    } finally {
      clearInterval(poll);
      signal?.removeEventListener('abort', onAbort);
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
      this.liveRuns.delete(marker);
      // Workers stop the run's remaining paths once its marker is gone.
      await this.redis.del(marker).catch(() => {});
      const cleanup = this.removeJobs(jobIds).finally(() => this.cleanups.delete(cleanup));
      this.cleanups.add(cleanup);
      // Jobs still running elsewhere end within seconds; close() waits for their removal.
      await Promise.race([cleanup, Promise.resolve()]);
    }
  }

  /** Removes this executor's jobs and tables from Redis and closes its connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.cleanups]);
    clearInterval(this.heartbeat);
    const keys = [...this.tables.values()];
    if (keys.length > 0) await this.redis.del(...keys).catch(() => {});
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.eventsConnection.disconnect();
    this.redis.disconnect();
  }

  /**
   * Removes a run's jobs. A job a worker still holds cannot be removed; once the run's marker
   * is gone the worker drops it within seconds, so removal is tried again for a while.
   */
  private async removeJobs(jobIds: readonly string[]): Promise<void> {
    let left = [...jobIds];
    const deadline = Date.now() + 15_000;
    for (;;) {
      const removed = await Promise.all(left.map((id) => this.queue.remove(id).catch(() => 0)));
      const held: string[] = [];
      for (const [k, id] of left.entries()) {
        if (removed[k] === 1) continue;
        // 0 also means there was nothing to remove.
        if ((await this.queue.getJob(id).catch(() => undefined)) !== undefined) held.push(id);
      }
      left = held;
      if (left.length === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The table's key in Redis, stored the first time this executor sees it. */
  private async storeTable(X: HostMatrix, y: PlainY): Promise<{ key: string; sha256: string }> {
    const { bytes, sha256 } = encodeTable(X, y);
    let key = this.tables.get(sha256);
    if (key === undefined) {
      key = tableKey(this.prefix, this.queueName, this.session, sha256);
      await this.redis.set(key, bytes, 'PX', this.ttlMs);
      this.tables.set(sha256, key);
    }
    return { key, sha256 };
  }

  /** Renews the tables and live runs while the executor is open; unref'd, it never holds the process. */
  private startHeartbeat(): void {
    if (this.heartbeat !== undefined) return;
    this.heartbeat = setInterval(
      () => {
        const keys = [...this.tables.values(), ...this.liveRuns];
        if (keys.length === 0) return;
        const pipeline = this.redis.pipeline();
        for (const key of keys) pipeline.pexpire(key, this.ttlMs);
        void pipeline.exec().catch(() => {});
      },
      Math.max(1000, Math.floor(this.ttlMs / 3)),
    );
    this.heartbeat.unref();
  }

  private async reconcile(
    jobIds: readonly string[],
    results: readonly (PathTaskResult | undefined)[],
    complete: (index: number, text: unknown) => void,
    onFailed: (event: { jobId: string; failedReason: string }) => void,
  ): Promise<void> {
    for (const [index, jobId] of jobIds.entries()) {
      if (results[index] !== undefined) continue;
      const job: Job | undefined = await this.queue.getJob(jobId);
      if (job === undefined) continue;
      if (job.finishedOn !== undefined && job.failedReason === undefined) {
        complete(index, job.returnvalue);
      } else if (job.failedReason !== undefined && job.finishedOn !== undefined) {
        onFailed({ jobId, failedReason: job.failedReason });
      }
    }
  }

  /** A one-line description, for logs: the URL (password hidden) and the queue. */
  toString(): string {
    return `BullMQExecutor(${redactUrl(this.url)}, queue ${this.queueName})`;
  }
}

function taskError(index: number, count: number, reason: string): ParallelTaskError {
  return taskFailure(index, count, new Error(reason), 'on a queue worker');
}
