import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { InProcessExecutor, ParallelTaskError, type PathTaskResult } from '@lassonet/path';
import { freePort, type RedisServer, startRedisServer } from '@lassonet/redis-server';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullMQExecutor } from './bullmqExecutor.js';
import { QueueError } from './queueError.js';
import { type QueueWorker, type QueueWorkerEvent, startQueueWorker } from './queueWorker.js';
import { foldTasks, startWorkerProcess } from './test-utils/queueFixtures.js';

/** A short lock, so a killed worker's task is taken up again within seconds. */
const LOCK_MS = 1000;

let server: RedisServer;
let redis: Redis;
const { y, task, tasks } = foldTasks(3);
let local: PathTaskResult[];

/** LassoNet's own keys and job keys left in Redis (BullMQ's queue metadata aside). */
async function leftovers(): Promise<string[]> {
  const keys = await redis.keys('*');
  return keys.filter(
    (k) => /^lassonet-(run|table):/.test(k) || /^lassonet:lassonet:[0-9a-f-]{36}-\d+$/.test(k),
  );
}

beforeAll(async () => {
  await useBackend('wasm');
  server = await startRedisServer();
  redis = new Redis(server.url);
  local = await new InProcessExecutor().run(tasks);
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

describe('BullMQExecutor with a worker in this process', () => {
  let worker: QueueWorker;
  let executor: BullMQExecutor;
  const events: QueueWorkerEvent[] = [];

  beforeAll(async () => {
    // Workers of one queue share the stalled-job check: every worker here uses the same lock.
    worker = await startQueueWorker(server.url, {
      concurrency: 2,
      lockDurationMs: LOCK_MS,
      onEvent: (e) => events.push(e),
    });
    // Polling as often as events arrive: every completion is seen twice, and counted once.
    executor = await BullMQExecutor.connect(server.url, { pollMs: 50 });
  });

  afterAll(async () => {
    await executor?.close();
    await worker?.close();
  });

  it('gives the results of a local run, in task order, and reports each task once', async () => {
    const before = tf.memory().numTensors;
    const done: number[] = [];
    const results = await executor.run(tasks, { onTaskDone: (index) => done.push(index) });
    expect(results).toEqual(local);
    expect(done.sort()).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.type === 'completed')).toHaveLength(3);
    // The run's marker and jobs are gone; its table stays until the executor closes.
    const keys = await leftovers();
    expect(keys.filter((k) => k.startsWith('lassonet-run:'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('lassonet:'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('lassonet-table:'))).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains each task on its submitter’s backend, also when two backends arrive at once', async () => {
    await useBackend('cpu');
    const onCpu = await new InProcessExecutor().run([task(2)]);
    const cpuRun = executor.run([task(2)]);
    await useBackend('wasm');
    const wasmRun = executor.run([task(2)]);
    const both = await Promise.all([cpuRun, wasmRun]);
    // The worker shares this process's tfjs: the next tests submit from wasm again.
    await useBackend('wasm');
    expect(both).toEqual([onCpu, [local[2]]]);
    // The two backends round differently: the runs really trained on different backends.
    expect(onCpu).not.toEqual([local[2]]);
  });

  it('stores one table per executor, read once by each worker', async () => {
    const again = await executor.run([task(1), task(2)]);
    expect(again).toEqual([local[1], local[2]]);
    expect((await leftovers()).filter((k) => k.startsWith('lassonet-table:'))).toHaveLength(1);
  });

  it('fails the run at once with the worker’s error when a task has bad input', async () => {
    const bad = y.map((v, i) => (i === 3 ? -1 : v));
    const started = Date.now();
    const error = await executor.run([task(0), task(1, bad)]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParallelTaskError);
    expect((error as ParallelTaskError).taskIndex).toBe(1);
    expect((error as Error).message).toMatch(
      /^Path 2 of 2 failed on a queue worker: y\[\d+\] is -1; class labels must be integers 0\.\.K-1\.$/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    // The failed task ran once: no retries.
    expect(events.filter((e) => e.type === 'failed' && /is -1/.test(e.reason))).toHaveLength(1);
    await expect.poll(leftovers).not.toContainEqual(expect.stringMatching(/^lassonet-run:/));
  });

  it('rejects a job that is not a valid task, without running it', async () => {
    const { Queue } = await import('bullmq');
    const queue = new Queue('lassonet', { connection: redis.duplicate(), prefix: 'lassonet' });
    const job = await queue.add('lassonet-path', { version: 1, task: { kind: 'forest' } });
    await expect
      .poll(async () => (await queue.getJob(job.id as string))?.failedReason, { timeout: 10_000 })
      .toMatch(/^Invalid options of a LassoNet task|runId|must be/);
    expect((await queue.getJob(job.id as string))?.attemptsMade).toBe(1);
    await job.remove();
    await queue.close();
  });

  it('stops when aborted, and the workers drop the run’s tasks', async () => {
    const controller = new AbortController();
    const slow = foldTasks(3, [400, 60]).tasks;
    const run = executor.run(slow, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const aborted = Date.now();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - aborted).toBeLessThan(2000);
    await expect
      .poll(async () => (await leftovers()).filter((k) => !k.startsWith('lassonet-table:')), {
        timeout: 15_000,
      })
      .toEqual([]);
  });

  it('refuses to run once closed', async () => {
    const closed = await BullMQExecutor.connect(server.url);
    await closed.close();
    await expect(closed.run(tasks)).rejects.toThrow(
      new QueueError('CLOSED', 'This BullMQExecutor is closed: connect a new one.'),
    );
  });
});

describe('faults', () => {
  it('gives a killed worker’s task to another worker, with the same results', async () => {
    const first = await startWorkerProcess(server.url, LOCK_MS);
    const executor = await BullMQExecutor.connect(server.url);
    try {
      const run = executor.run(tasks);
      await first.next('started');
      first.child.kill('SIGKILL');
      await first.stop();
      const second = await startWorkerProcess(server.url, LOCK_MS);
      try {
        expect(await run).toEqual(local);
        expect(second.events.filter((e) => e.type === 'completed')).toHaveLength(3);
      } finally {
        await second.stop();
      }
    } finally {
      await executor.close();
    }
    expect(await leftovers()).toEqual([]);
  });

  it('puts back the task of a worker that closes with release, for another worker', async () => {
    const first = await startWorkerProcess(server.url, LOCK_MS);
    const executor = await BullMQExecutor.connect(server.url);
    try {
      const run = executor.run(tasks);
      await first.next('started');
      first.child.kill('SIGTERM');
      await new Promise((resolve) => first.child.once('exit', resolve));
      expect(first.events.filter((e) => e.type === 'released')).toHaveLength(1);
      expect(first.events.filter((e) => e.type === 'failed')).toEqual([]);
      const second = await startWorkerProcess(server.url, LOCK_MS);
      try {
        expect(await run).toEqual(local);
      } finally {
        await second.stop();
      }
    } finally {
      await executor.close();
    }
  });

  it('says in one error, within 10 s, that Redis cannot be reached', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await BullMQExecutor.connect(`redis://127.0.0.1:${port}`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(QueueError);
    expect(error).toMatchObject({ code: 'REDIS_UNREACHABLE' });
    expect((error as Error).message).toBe(
      `Cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}.`,
    );
    await expect(startQueueWorker(`redis://127.0.0.1:${port}`)).rejects.toMatchObject({
      code: 'REDIS_UNREACHABLE',
    });
  });

  it('checks the URL and the password, and hides the password in messages', async () => {
    await expect(BullMQExecutor.connect('http://127.0.0.1:6379')).rejects.toThrow(
      "Invalid Redis URL 'http://127.0.0.1:6379': the scheme must be redis:// or rediss:// (TLS), not http://.",
    );
    const secured = await startRedisServer({ password: 's3cret' });
    try {
      const wrong = `redis://:wrong@127.0.0.1:${secured.port}`;
      const error = await BullMQExecutor.connect(wrong).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toMatchObject({ code: 'REDIS_UNREACHABLE' });
      expect(error?.message).toMatch(
        new RegExp(
          `^Cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${secured.port}: WRONGPASS`,
        ),
      );
      expect(error?.message).not.toContain('wrong');
      const worker = await startQueueWorker(secured.url);
      const executor = await BullMQExecutor.connect(secured.url);
      try {
        expect(await executor.run([task(0)])).toEqual([local[0]]);
      } finally {
        await executor.close();
        await worker.close();
      }
    } finally {
      await secured.stop();
    }
  });
});
