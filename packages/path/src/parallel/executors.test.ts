import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { ModelError } from '@lassonet/model';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thrown } from '../test-utils/errors.js';
import { classificationFolds } from '../test-utils/foldTasks.js';
import { nodeWorkerUrl } from '../test-utils/inWorkers.js';
import { executorSchema, type PathExecutor } from './executor.js';
import { InProcessExecutor } from './inProcessExecutor.js';
import { ParallelTaskError } from './parallelTaskError.js';
import type { PathTaskResult } from './pathTask.js';
import { WorkerThreadExecutor } from './workerThreadExecutor.js';

const { y: labels, task } = classificationFolds(
  { nSamples: 120, nFeatures: 5, nClasses: 3, seed: 2 },
  3,
  { hiddenDims: [8], nIters: [60, 8], patience: [5, 3], pathMultiplier: 1.2 },
);
const tasks = [task(0), task(1), task(2)];
/** Row 4 is a test row of fold 1: its path trains, then fails when scored. */
const badLabels = labels.map((value, i) => (i === 4 ? -1 : value));
const failing = [task(0), task(1, badLabels), task(2)];

/** Worker threads still open in this process (each keeps a MessagePort alive). */
const openPorts = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

/** What the promise rejects with; fails when it resolves. */
async function failureOf(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => expect.fail('the run should have failed'),
    (error: unknown) => error,
  );
}

/** The results in this thread, the reference for every executor. */
let local: PathTaskResult[];

beforeAll(async () => {
  await useBackend('wasm');
  local = await new InProcessExecutor().run(tasks);
});

describe('InProcessExecutor', () => {
  it('returns every path with its held-out scores, reporting each as it finishes, in order', async () => {
    const done: number[] = [];
    const results = await new InProcessExecutor().run(tasks, {
      onTaskDone: (index, result) => {
        expect(result).toEqual(local[index]);
        done.push(index);
      },
    });
    expect(done).toEqual([0, 1, 2]);
    expect(results).toEqual(local);
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result.steps[0]?.lambda).toBe(0);
      expect(result.steps[0]?.nSelected).toBe(5);
      expect(result.scores).toHaveLength(result.steps.length);
      expect(result.steps.every((s) => s.checkpoint === undefined)).toBe(true);
    }
    // Each fold is seeded by its index: the paths differ.
    expect(results[1]).not.toEqual(results[0]);
  });

  it('frees every tensor of a run, of a failed run and of an aborted one', async () => {
    const executor = new InProcessExecutor();
    const before = tf.memory().numTensors;
    await executor.run(tasks.slice(0, 2));
    expect(tf.memory().numTensors).toBe(before);

    const done: number[] = [];
    const error = await failureOf(
      executor.run(failing, { onTaskDone: (index) => done.push(index) }),
    );
    expect((error as Error).message).toMatch(/y\[\d+\] is -1; class labels must be integers/);
    // The run stops at the failing path.
    expect(done).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);

    const controller = new AbortController();
    const seen: number[] = [];
    const aborted = await failureOf(
      executor.run(tasks, {
        signal: controller.signal,
        onTaskDone: (index) => {
          seen.push(index);
          controller.abort();
        },
      }),
    );
    expect((aborted as Error).name).toBe('AbortError');
    expect(seen).toEqual([0]);
    expect(tf.memory().numTensors).toBe(before);

    // The executor keeps working after both.
    expect(await executor.run([task(2)])).toEqual([local[2]]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an already aborted signal without running anything', async () => {
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    const error = await failureOf(
      new InProcessExecutor().run(tasks, {
        signal: controller.signal,
        onTaskDone: () => {
          ran = true;
        },
      }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(ran).toBe(false);
  });

  it('returns no results for no tasks', async () => {
    expect(await new InProcessExecutor().run([])).toEqual([]);
  });
});

describe('WorkerThreadExecutor', () => {
  let executor: WorkerThreadExecutor;

  beforeAll(() => {
    executor = new WorkerThreadExecutor({ concurrency: 2, workerUrl: nodeWorkerUrl });
  });

  afterAll(async () => {
    await executor?.close();
  });

  it('gives the results of this thread, in task order, and keeps its threads between runs', async () => {
    expect(executor.concurrency).toBe(2);
    expect(openPorts()).toBe(0);
    const done: number[] = [];
    let busiest = 0;
    const results = await executor.run(tasks, {
      onTaskDone: (index) => {
        done.push(index);
        busiest = Math.max(busiest, openPorts());
      },
    });
    expect(results).toEqual(local);
    expect(done.sort()).toEqual([0, 1, 2]);
    expect(busiest).toBe(2);
    // The threads outlive the run...
    expect(openPorts()).toBe(2);
    // ...and serve the next one: no new threads.
    const again = await executor.run([task(2), task(0)], {
      onTaskDone: () => {
        busiest = Math.max(busiest, openPorts());
      },
    });
    expect(again).toEqual([local[2], local[0]]);
    expect(busiest).toBe(2);
    expect(openPorts()).toBe(2);

    await executor.close();
    expect(openPorts()).toBe(0);
    // A run after close starts threads again.
    expect(await executor.run([task(1)])).toEqual([local[1]]);
    expect(openPorts()).toBeGreaterThan(0);
    await executor.close();
    expect(openPorts()).toBe(0);
  }, 60_000);

  it('rejects with a ParallelTaskError naming the failed path, then runs the next tasks', async () => {
    const error = await failureOf(executor.run(failing));
    expect(error).toBeInstanceOf(ParallelTaskError);
    expect((error as ParallelTaskError).taskIndex).toBe(1);
    expect((error as ParallelTaskError).code).toBe('TASK_FAILED');
    expect((error as Error).message).toMatch(
      /^Path 2 of 3 failed in its worker: y\[\d+\] is -1; class labels must be integers 0\.\.K-1\.$/,
    );
    expect(await executor.run(tasks)).toEqual(local);
  }, 60_000);

  it('rejects with an AbortError when the signal aborts, then runs the next tasks', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await failureOf(
      executor.run(tasks, {
        signal: controller.signal,
        onTaskDone: (index) => {
          seen.push(index);
          controller.abort();
        },
      }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(1);

    const already = new AbortController();
    already.abort();
    await expect(executor.run(tasks, { signal: already.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });

    expect(await executor.run([task(0)])).toEqual([local[0]]);
  }, 60_000);

  it('rejects with the error of a throwing onTaskDone', async () => {
    const failure = new Error('callback failed');
    const run = executor.run(tasks, {
      onTaskDone: () => {
        throw failure;
      },
    });
    await expect(run).rejects.toBe(failure);
  }, 60_000);

  it.each([0, 1.5, -2, Number.NaN])('rejects concurrency %s', (concurrency) => {
    const error = thrown(() => new WorkerThreadExecutor({ concurrency }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(`concurrency must be an integer >= 1, got ${concurrency}.`);
  });

  it('names a task that cannot cross to a thread before sending any, then runs the next', async () => {
    const withFunction = { ...task(0), options: { ...task(0).options, onStep: () => 1 } };
    await expect(executor.run([task(1), withFunction])).rejects.toThrow(
      /^a path task: options must be the estimator's options object, as plain data, got an object\.$/,
    );
    expect(await executor.run([task(1)])).toHaveLength(1);
  });

  it('rejects concurrency 0 with the documented message', () => {
    expect(() => new WorkerThreadExecutor({ concurrency: 0 })).toThrow(
      new ModelError('INVALID_OPTION', 'concurrency must be an integer >= 1, got 0.'),
    );
  });
});

describe('executorSchema', () => {
  it('takes any object with a run method, and nothing else', () => {
    const custom: PathExecutor = { run: async () => [] };
    for (const executor of [new InProcessExecutor(), new WorkerThreadExecutor(), custom]) {
      expect(v.is(executorSchema, executor)).toBe(true);
    }
    for (const value of [{}, null, undefined, { run: 1 }, 'workers', () => []]) {
      expect(v.is(executorSchema, value)).toBe(false);
    }
  });
});
