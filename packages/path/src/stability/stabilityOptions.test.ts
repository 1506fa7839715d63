import '@lassonet/backend-wasm';
import { tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LassoNetClassifier,
  type LassoNetOptions,
  LassoNetRegressor,
  type ModelError,
  type ModelErrorCode,
  stabilitySelection,
} from '../index.js';
import { rejection } from '../test-utils/errors.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Tiny and quick: a 4-unit layer, a few epochs, two lambdas. */
const FAST: LassoNetOptions = { hiddenDims: [4], nIters: [5, 2], lambdaSeq: [1, 10] };

function features(n = 20, d = 3, seed = 1): number[][] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

const X = features();
const y = X.map((r) => (r[0] as number) - 2 * (r[1] as number));

function expectError(error: ModelError, code: ModelErrorCode, message: RegExp): void {
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
}

/** The error stabilitySelection rejects with for these options (as any value). */
const rejected = (options: unknown, Xs: unknown = X, ys: unknown = y) =>
  rejection(stabilitySelection(Xs as number[][], ys as number[], options as never));

describe('stabilitySelection options', () => {
  const cases: [string, unknown, ModelErrorCode, RegExp][] = [
    ['no options', undefined, 'INVALID_OPTION', /^StabilitySelection needs estimator\.$/],
    ['no estimator', { nModels: 2 }, 'INVALID_OPTION', /^StabilitySelection needs estimator\.$/],
    [
      'an unknown estimator',
      { estimator: 'svm' },
      'INVALID_OPTION',
      /estimator must be an estimator \('regressor', 'classifier', 'cox', 'interval'\) or an estimator instance such as new LassoNetClassifier\(\), got 'svm'/,
    ],
    [
      'an unknown option',
      { estimator: 'regressor', n_models: 3 },
      'UNKNOWN_OPTION',
      /Unknown option 'n_models' for StabilitySelection \(did you mean 'nModels'\?\)/,
    ],
    [
      'options not an object',
      'fast',
      'INVALID_OPTION',
      /The options of StabilitySelection must be an object, got 'fast'/,
    ],
    [
      'nModels 0',
      { estimator: 'regressor', nModels: 0 },
      'INVALID_OPTION',
      /nModels must be an integer >= 1, got 0/,
    ],
    [
      'nModels 2.5',
      { estimator: 'regressor', nModels: 2.5 },
      'INVALID_OPTION',
      /nModels must be an integer >= 1, got 2\.5/,
    ],
    [
      'seed -1',
      { estimator: 'regressor', seed: -1 },
      'INVALID_OPTION',
      /seed must be an integer >= 0, got -1/,
    ],
    [
      'the estimator options an array',
      { estimator: 'regressor', options: [] },
      'INVALID_OPTION',
      /options must be the estimator's options object/,
    ],
    [
      'onModel not a function',
      { estimator: 'regressor', onModel: 1 },
      'INVALID_OPTION',
      /onModel must be a function/,
    ],
    [
      'signal not an AbortSignal',
      { estimator: 'regressor', signal: {} },
      'INVALID_OPTION',
      /signal must be an AbortSignal/,
    ],
    [
      'an unknown estimator option',
      { estimator: 'regressor', options: { hidden_dims: [4] } },
      'UNKNOWN_OPTION',
      /Unknown option 'hidden_dims' for LassoNetRegressor/,
    ],
    [
      'a classifier option on the regressor',
      { estimator: 'regressor', options: { classWeight: [1, 2] } },
      'UNKNOWN_OPTION',
      /Unknown option 'classWeight' for LassoNetRegressor/,
    ],
    [
      'a bad estimator option',
      { estimator: 'cox', options: { pathMultiplier: 1 } },
      'INVALID_OPTION',
      /LassoNetCoxRegressor: pathMultiplier must be a finite number > 1, got 1\./,
    ],
  ];
  for (const [name, options, code, message] of cases) {
    it(`rejects ${name}`, async () => {
      expectError(await rejected(options), code, message);
    });
  }

  it('rejects fewer than 2 rows per half', async () => {
    const error = await rejected({ estimator: 'regressor', options: FAST }, features(3), [1, 2, 3]);
    expectError(error, 'EMPTY', /X has 3 rows, so a half has 1; give at least 4 rows/);
  });

  it('rejects a path with no lambda after the dense model', async () => {
    const error = await rejected({
      estimator: 'regressor',
      options: { ...FAST, lambdaSeq: [] },
      nModels: 1,
      concurrency: 1,
    });
    expectError(error, 'INVALID_OPTION', /the first path has no lambda/);
  });

  it('rejects an aborted signal before any work', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      stabilitySelection(X, y, { estimator: 'regressor', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('stabilitySelection data', () => {
  /** stabilitySelection's error and the estimator's path() error for the same data. */
  async function both(
    estimator: 'regressor' | 'classifier',
    Xs: unknown,
    ys: unknown,
    options: LassoNetOptions = FAST,
  ): Promise<[ModelError, ModelError]> {
    const model =
      estimator === 'regressor' ? new LassoNetRegressor(options) : new LassoNetClassifier(options);
    const ours = await rejected({ estimator, options, concurrency: 1 }, Xs, ys);
    const theirs = await rejection(model.path(Xs as number[][], ys as number[]));
    return [ours, theirs];
  }

  it('checks X once, up front, with the estimator messages', async () => {
    const bad = features();
    (bad[3] as number[])[1] = Number.NaN;
    const [ours, theirs] = await both('regressor', bad, y);
    expectError(ours, 'NON_FINITE', /X has NaN at row 3, column 1/);
    expect(ours.message).toBe(theirs.message);
  });

  it('checks y with the estimator own checks, naming the row of the whole data', async () => {
    const [short, shortPath] = await both('regressor', X, y.slice(1));
    expectError(short, 'SHAPE_MISMATCH', /X has 20 rows but y has 19/);
    expect(short.message).toBe(shortPath.message);

    const labels = X.map((_, i) => i % 2);
    labels[17] = -1;
    const [label, labelPath] = await both('classifier', X, labels);
    expectError(label, 'INVALID_LABEL', /y\[17\] is -1; class labels must be integers/);
    expect(label.message).toBe(labelPath.message);

    const [single, singlePath] = await both('classifier', X, new Array(20).fill(1));
    expectError(single, 'INVALID_LABEL', /y has a single class \(1\)/);
    expect(single.message).toBe(singlePath.message);

    const survival = await rejected(
      { estimator: 'cox', options: FAST },
      X,
      X.map(() => [1, 2]),
    );
    expectError(survival, 'INVALID_SURVIVAL', /y\[0\] has event 2/);
  });

  it('checks groups against the number of features', async () => {
    const options = { ...FAST, groups: [[0, 1]] };
    const [ours, theirs] = await both('regressor', X, y, options);
    expect(ours.code).toBe('INVALID_GROUPS');
    expect(ours.message).toBe(theirs.message);
  });

  it('accepts tensors and leaves them and the tensor count alone', async () => {
    const Xt = tf.tensor2d(X);
    const yt = tf.tensor1d(y);
    const before = tf.memory().numTensors;
    const fromTensors = await stabilitySelection(Xt, yt, {
      estimator: 'regressor',
      options: FAST,
      nModels: 2,
      concurrency: 1,
    });
    expect(tf.memory().numTensors).toBe(before);
    const fromArrays = await stabilitySelection(X, y, {
      estimator: 'regressor',
      options: FAST,
      nModels: 2,
      concurrency: 1,
    });
    expect(fromTensors).toEqual(fromArrays);
    expect(fromArrays.lambdas).toEqual([1, 10]);
    tf.dispose([Xt, yt]);
  });
});
