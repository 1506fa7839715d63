import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { ModelError } from '@lassonet/model';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LassoNetClassifier } from '../estimators/classifier.js';
import { thrown } from '../test-utils/errors.js';
import { classificationFolds } from '../test-utils/foldTasks.js';
import { nodeWorkerUrl } from '../test-utils/inWorkers.js';
import { SMALL } from '../test-utils/smallOptions.js';
import { ParallelTaskError } from './parallelTaskError.js';
import type { PathTask } from './pathTask.js';
import { pathTaskFromSpec, pathTaskSpecSchema, taskSpec } from './pathTaskSpec.js';
import { runTaskInWorker } from './serveTasks.js';
import { WorkerThreadExecutor } from './workerThreadExecutor.js';

const { task } = classificationFolds({ nSamples: 60, nFeatures: 4, nClasses: 2, seed: 3 }, 3, {
  ...SMALL,
  hiddenDims: [4],
  nIters: [40, 6],
  pathMultiplier: 1.3,
});
const fold = task(1);
const { X, y } = fold;

/** The task after its description went through JSON, with its data. */
const throughJson = (t: PathTask): PathTask =>
  pathTaskFromSpec(JSON.parse(JSON.stringify(taskSpec(t))), t.X, t.y);

/** A valid description to spoil one field of. */
const spec = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'classifier',
  options: { hiddenDims: [4] },
  train: [0, 1, 2],
  ...fields,
});

describe('taskSpec and pathTaskFromSpec', () => {
  it('describe a task as JSON without its data, and rebuild the same task', () => {
    const description = taskSpec(fold);
    expect(description).not.toHaveProperty('X');
    expect(description).not.toHaveProperty('y');
    expect(v.is(pathTaskSpecSchema, description)).toBe(true);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(throughJson(fold)).toStrictEqual(fold);

    // Without test rows, and with a lambda sequence.
    const { test: _test, ...noTest } = fold;
    expect(throughJson(noTest)).toStrictEqual(noTest);
    const withLambdas: PathTask = { ...noTest, lambdaSeq: [0.5, 1, 2.25] };
    expect(throughJson(withLambdas)).toStrictEqual(withLambdas);
    // The task's own X and y are used, not copies.
    expect(throughJson(fold).X).toBe(X);
    expect(throughJson(fold).y).toBe(y);
  });

  it('accepts rows up to n - 1', () => {
    const n = X.shape[0];
    const rebuilt = pathTaskFromSpec(spec({ train: [0, n - 1], test: [n - 1] }), X, y);
    expect(rebuilt.train).toEqual([0, n - 1]);
    expect(rebuilt.test).toEqual([n - 1]);
  });

  it('rejects an unknown estimator kind', () => {
    const error = thrown(() => pathTaskFromSpec(spec({ kind: 'forest' }), X, y));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(
      "a path task: kind must be one of regressor, classifier, cox, interval, got 'forest'.",
    );
  });

  it('rejects an unknown key, naming the known ones', () => {
    const error = thrown(() => pathTaskFromSpec(spec({ rows: [0] }), X, y));
    expect(error.code).toBe('UNKNOWN_OPTION');
    expect(error.message).toBe(
      "Unknown option 'rows' for a path task. Known options: kind, options, train, test, lambdaSeq.",
    );
  });

  it.each([
    [{ train: [0, 1.5] }, 'train[1] must be an integer >= 0, got 1.5.'],
    [{ train: [-1] }, 'train[0] must be an integer >= 0, got -1.'],
    [{ test: [0, '2'] }, "test[1] must be an integer >= 0, got '2'."],
    [{ train: 3 }, 'train must be an array of row indices, got 3.'],
    [{ lambdaSeq: [1, 0] }, 'lambdaSeq[1] must be a finite number > 0, got 0.'],
    [{ options: [] }, "options must be the estimator's options object, as plain data, got []."],
    [{ options: null }, "options must be the estimator's options object, as plain data, got null."],
  ])('rejects %j', (fields, message) => {
    const error = thrown(() => pathTaskFromSpec(spec(fields), X, y));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(`a path task: ${message}`);
  });

  it('rejects a task without rows to train on', () => {
    const error = thrown(() => pathTaskFromSpec(spec({ train: [] }), X, y));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/^a path task: train\b.*\bempty\b/);
    const missing = thrown(() => pathTaskFromSpec({ kind: 'classifier', options: {} }, X, y));
    expect(missing.code).toBe('INVALID_OPTION');
    expect(missing.message).toBe('a path task needs train.');
  });

  it('rejects a description that is not an object', () => {
    for (const value of [null, 'task', [spec()]]) {
      const error = thrown(() => pathTaskFromSpec(value, X, y));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(/^The options of a path task must be an object, got /);
    }
  });

  it('rejects rows beyond the table, naming the first one', () => {
    const n = X.shape[0];
    const train = thrown(() => pathTaskFromSpec(spec({ train: [0, n + 3, n] }), X, y));
    expect(train.code).toBe('SHAPE_MISMATCH');
    expect(train.message).toBe(
      `The task's train rows include row ${n + 3}, but its X has ${n} rows.`,
    );
    const test = thrown(() => pathTaskFromSpec(spec({ test: [1, n] }), X, y));
    expect(test.code).toBe('SHAPE_MISMATCH');
    expect(test.message).toBe(`The task's test rows include row ${n}, but its X has ${n} rows.`);
  });

  it('rejects y of another length than X', () => {
    const n = X.shape[0];
    const error = thrown(() => pathTaskFromSpec(spec(), X, y.slice(1)));
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.message).toBe(`The task's X has ${n} rows but its y has ${n - 1}.`);
  });
});

describe('a worker thread checks each task', () => {
  let executor: WorkerThreadExecutor;

  beforeAll(async () => {
    await useBackend('wasm');
    executor = new WorkerThreadExecutor({ concurrency: 1, workerUrl: nodeWorkerUrl });
  });

  afterAll(async () => {
    await executor?.close();
  });

  /** The ParallelTaskError a one-task run rejects with. */
  async function failure(t: PathTask): Promise<ParallelTaskError> {
    const error = await executor.run([t]).then(
      () => expect.fail('the task should have been rejected'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParallelTaskError);
    expect((error as ParallelTaskError).taskIndex).toBe(0);
    return error as ParallelTaskError;
  }

  it("rejects invalid options with the estimator's own message", async () => {
    for (const options of [{ hiddenDims: [0] }, { hiddenDim: [4] }]) {
      const own = thrown(() => new LassoNetClassifier(options as never)).message;
      const error = await failure({ ...fold, options: options as PathTask['options'] });
      expect(error.message).toBe(`Path 1 of 1 failed in its worker: ${own}`);
    }
  }, 30_000);

  it('names rows beyond the table and an unknown kind before sending the task', async () => {
    const n = X.shape[0];
    await expect(executor.run([{ ...fold, train: [0, n] }])).rejects.toThrow(
      new ModelError(
        'SHAPE_MISMATCH',
        `The task's train rows include row ${n}, but its X has ${n} rows.`,
      ),
    );
    await expect(executor.run([{ ...fold, kind: 'forest' as PathTask['kind'] }])).rejects.toThrow(
      /^a path task: kind must be/,
    );
    // The worker checks what it receives as well.
    await expect(runTaskInWorker({ name: 'wasm' }, { ...fold, test: [n + 5] })).rejects.toThrow(
      `The task's test rows include row ${n + 5}, but its X has ${n} rows.`,
    );
    // A valid task still runs afterwards.
    const [result] = await executor.run([fold]);
    expect(result?.scores).toHaveLength(result?.steps.length ?? -1);
  }, 30_000);
});
