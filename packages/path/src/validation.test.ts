import '@lassonet/backend-cpu';
import { tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type LassoNetCheckpoint,
  LassoNetClassifier,
  LassoNetCoxRegressor,
  LassoNetIntervalRegressor,
  type LassoNetOptions,
  LassoNetRegressor,
  type ModelError,
  type ModelErrorCode,
  type PathStep,
} from './index.js';
import { rejection, thrown } from './test-utils/errors.js';

beforeAll(async () => {
  await useBackend('cpu');
});

/** Tiny and quick: a 4-unit layer, a few epochs, the dense model only. */
const FAST: LassoNetOptions = { hiddenDims: [4], nIters: [5, 2], lambdaSeq: [] };

const N = 20;

/** 20 rows × 3 standard normal features (a fresh copy on every call). */
function features(n = N, d = 3, seed = 1): number[][] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

const regressionY = (X: number[][]): number[] =>
  X.map((r) => (r[0] as number) - 2 * (r[1] as number));
const classY = (n = N): number[] => Array.from({ length: n }, (_, i) => i % 3);
const survivalY = (n = N): number[][] => Array.from({ length: n }, (_, i) => [1 + 0.1 * i, i % 2]);
const intervalY = (n = N): number[][] =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0 ? [1, 1, 1, 0, 0] : i % 3 === 1 ? [1, 2, 0, 1, 0] : [2, 2, 0, 0, 1],
  );

function expectError(error: ModelError, code: ModelErrorCode, message: RegExp): void {
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
  expect(error.name).toBe('ModelError');
}

/** A dense-only regressor's step with its checkpoint (quick). */
async function regressorCheckpoint(): Promise<LassoNetCheckpoint> {
  const X = features();
  const model = new LassoNetRegressor(FAST);
  const [dense] = await model.path(X, regressionY(X), { returnCheckpoints: true });
  model.dispose();
  return (dense as PathStep).checkpoint as LassoNetCheckpoint;
}

describe('constructor options', () => {
  const cases: [string, () => unknown, ModelErrorCode, RegExp][] = [
    [
      'unknown option',
      () => new LassoNetRegressor({ hidden_dims: [4] } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'hidden_dims' for LassoNetRegressor/,
    ],
    [
      'unknown option (classifier)',
      () => new LassoNetClassifier({ class_weight: [1, 2] } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'class_weight' for LassoNetClassifier/,
    ],
    [
      'a Cox option on the regressor',
      () => new LassoNetRegressor({ tieApproximation: 'efron' } as never),
      'UNKNOWN_OPTION',
      /'tieApproximation'/,
    ],
    [
      'options not an object',
      () => new LassoNetRegressor(5 as never),
      'INVALID_OPTION',
      /takes an options object, got 5/,
    ],
    [
      'options an array',
      () => new LassoNetCoxRegressor([] as never),
      'INVALID_OPTION',
      /takes an options object/,
    ],
    [
      'hiddenDims []',
      () => new LassoNetRegressor({ hiddenDims: [] }),
      'INVALID_OPTION',
      /hiddenDims must be a non-empty array of layer sizes, got \[\]/,
    ],
    [
      'hiddenDims [0]',
      () => new LassoNetRegressor({ hiddenDims: [0] }),
      'INVALID_OPTION',
      /hiddenDims\[0\] must be an integer >= 1, got 0/,
    ],
    [
      'hiddenDims [4, 2.5]',
      () => new LassoNetRegressor({ hiddenDims: [4, 2.5] }),
      'INVALID_OPTION',
      /hiddenDims\[1\] must be an integer >= 1, got 2\.5/,
    ],
    [
      'hiddenDims a number',
      () => new LassoNetRegressor({ hiddenDims: 4 as never }),
      'INVALID_OPTION',
      /hiddenDims must be a non-empty array/,
    ],
    [
      'pathMultiplier 1',
      () => new LassoNetRegressor({ pathMultiplier: 1 }),
      'INVALID_OPTION',
      /pathMultiplier must be a finite number 1 < pathMultiplier, got 1/,
    ],
    [
      'M 0',
      () => new LassoNetRegressor({ M: 0 }),
      'INVALID_OPTION',
      /M must be a finite number 0 < M, got 0/,
    ],
    [
      'dropout 1',
      () => new LassoNetRegressor({ dropout: 1 }),
      'INVALID_OPTION',
      /dropout must be in \[0, 1\), got 1/,
    ],
    [
      'dropout -0.1',
      () => new LassoNetRegressor({ dropout: -0.1 }),
      'INVALID_OPTION',
      /dropout must be a finite number 0 <= dropout, got -0\.1/,
    ],
    [
      'valSize 1',
      () => new LassoNetRegressor({ valSize: 1 }),
      'INVALID_OPTION',
      /valSize must be in \[0, 1\), got 1/,
    ],
    [
      'tol 2',
      () => new LassoNetRegressor({ tol: 2 }),
      'INVALID_OPTION',
      /tol must be a finite number 0 <= tol <= 1, got 2/,
    ],
    [
      'gamma -1',
      () => new LassoNetRegressor({ gamma: -1 }),
      'INVALID_OPTION',
      /gamma must be a finite number 0 <= gamma, got -1/,
    ],
    [
      'gammaSkip NaN',
      () => new LassoNetRegressor({ gammaSkip: Number.NaN }),
      'INVALID_OPTION',
      /gammaSkip must be a finite number .*got NaN/,
    ],
    [
      'nIters -1',
      () => new LassoNetRegressor({ nIters: -1 }),
      'INVALID_OPTION',
      /nIters must be an integer >= 0, got -1/,
    ],
    [
      'nIters [1, 2, 3]',
      () => new LassoNetRegressor({ nIters: [1, 2, 3] as never }),
      'INVALID_OPTION',
      /nIters must be one value or a \[dense, path\] pair, got 3 values/,
    ],
    [
      'nIters [10, 0.5]',
      () => new LassoNetRegressor({ nIters: [10, 0.5] }),
      'INVALID_OPTION',
      /nIters\[1\] must be an integer >= 0, got 0\.5/,
    ],
    [
      'patience 0',
      () => new LassoNetRegressor({ patience: 0 }),
      'INVALID_OPTION',
      /patience must be an integer >= 1, got 0/,
    ],
    [
      'patience [5, -1]',
      () => new LassoNetRegressor({ patience: [5, -1] }),
      'INVALID_OPTION',
      /patience\[1\] must be an integer >= 1, got -1/,
    ],
    [
      "optimizer { name: 'rmsprop' }",
      () => new LassoNetRegressor({ optimizer: { name: 'rmsprop' } as never }),
      'INVALID_OPTION',
      /optimizer\.name must be 'adam' or 'sgd', got rmsprop/,
    ],
    [
      'the path optimizer of a pair',
      () =>
        new LassoNetRegressor({
          optimizer: [{ name: 'adam' }, { name: 'rmsprop' }] as never,
        }),
      'INVALID_OPTION',
      /optimizer\[1\]\.name must be 'adam' or 'sgd', got rmsprop/,
    ],
    [
      'optimizer learningRate 0',
      () => new LassoNetRegressor({ optimizer: { name: 'sgd', learningRate: 0 } }),
      'INVALID_OPTION',
      /optimizer\.learningRate must be a finite number 0 < optimizer\.learningRate, got 0/,
    ],
    [
      'optimizer a string',
      () => new LassoNetRegressor({ optimizer: 'adam' as never }),
      'INVALID_OPTION',
      /optimizer must be an optimizer object/,
    ],
    [
      'lambdaStart -1',
      () => new LassoNetRegressor({ lambdaStart: -1 }),
      'INVALID_OPTION',
      /lambdaStart must be a finite number 0 < lambdaStart, got -1/,
    ],
    [
      "lambdaStart 'big'",
      () => new LassoNetRegressor({ lambdaStart: 'big' as never }),
      'INVALID_OPTION',
      /lambdaStart must be a finite number .*got big/,
    ],
    [
      'lambdaSeq decreasing',
      () => new LassoNetRegressor({ lambdaSeq: [1, 3, 2] }),
      'INVALID_OPTION',
      /lambdaSeq must be non-decreasing: lambdaSeq\[2\] = 2 < lambdaSeq\[1\]/,
    ],
    [
      'lambdaSeq with 0',
      () => new LassoNetRegressor({ lambdaSeq: [0, 1] }),
      'INVALID_OPTION',
      /lambdaSeq\[0\] must be a finite number 0 < lambdaSeq\[0\], got 0/,
    ],
    [
      'lambdaSeq not an array',
      () => new LassoNetRegressor({ lambdaSeq: 1 as never }),
      'INVALID_OPTION',
      /lambdaSeq must be an array/,
    ],
    [
      "backtrack 'yes'",
      () => new LassoNetRegressor({ backtrack: 'yes' as never }),
      'INVALID_OPTION',
      /backtrack must be true or false, got yes/,
    ],
    [
      'seed 1.5',
      () => new LassoNetRegressor({ seed: 1.5 }),
      'INVALID_OPTION',
      /seed must be an integer >= 0, got 1\.5/,
    ],
    [
      'batchSize 0',
      () => new LassoNetRegressor({ batchSize: 0 }),
      'INVALID_OPTION',
      /batchSize must be an integer >= 1, got 0/,
    ],
    [
      'verbose -1',
      () => new LassoNetRegressor({ verbose: -1 }),
      'INVALID_OPTION',
      /verbose must be an integer >= 0, got -1/,
    ],
    [
      'groups not arrays of indices',
      () => new LassoNetRegressor({ groups: [0, 1] as never }),
      'INVALID_GROUPS',
      /groups must be an array of arrays of feature indices/,
    ],
    [
      'classWeight not an array',
      () => new LassoNetClassifier({ classWeight: 2 as never }),
      'INVALID_OPTION',
      /classWeight must be an array with one weight per class/,
    ],
    [
      'classWeight of one class',
      () => new LassoNetClassifier({ classWeight: [1] }),
      'INVALID_OPTION',
      /classWeight must be an array with one weight per class/,
    ],
    [
      "tieApproximation 'exact'",
      () => new LassoNetCoxRegressor({ tieApproximation: 'exact' as never }),
      'INVALID_OPTION',
      /tieApproximation must be 'breslow' or 'efron', got exact/,
    ],
    [
      'batchSize with Cox',
      () => new LassoNetCoxRegressor({ batchSize: 8 }),
      'INVALID_OPTION',
      /LassoNetCoxRegressor .*batchSize is not allowed/,
    ],
    [
      'an interval option check (valSize) on the interval regressor',
      () => new LassoNetIntervalRegressor({ valSize: -0.5 }),
      'INVALID_OPTION',
      /valSize must be a finite number 0 <= valSize, got -0\.5/,
    ],
  ];

  for (const [name, make, code, message] of cases) {
    it(`rejects ${name}`, () => {
      expectError(thrown(make), code, message);
    });
  }

  it('accepts patience null, Infinity and pairs of them', () => {
    const a = new LassoNetRegressor({ patience: null });
    expect(a.options.patience).toBeNull();
    const b = new LassoNetRegressor({ patience: [null, Number.POSITIVE_INFINITY] });
    expect(b.options.patience).toEqual([null, Number.POSITIVE_INFINITY]);
    const c = new LassoNetCoxRegressor({ patience: [3, null] });
    expect(c.options.patience).toEqual([3, null]);
  });

  it('trains with patience null (no early stopping): every epoch runs', async () => {
    const X = features();
    const model = new LassoNetRegressor({ ...FAST, nIters: [7, 2], patience: null });
    const [dense] = await model.path(X, regressionY(X));
    expect(dense?.epochs).toBe(7);
    model.dispose();
  });

  it('options are frozen and hold exactly what was passed', () => {
    const given: LassoNetOptions = { hiddenDims: [4], nIters: [5, 2], patience: null, tol: 1 };
    const model = new LassoNetRegressor(given);
    expect(Object.isFrozen(model.options)).toBe(true);
    expect(model.options).toEqual(given);
    expect(Object.keys(model.options).sort()).toEqual(['hiddenDims', 'nIters', 'patience', 'tol']);
    // A copy: changing the caller's object later does not change the estimator's options.
    expect(model.options).not.toBe(given);
    (given as { tol?: number }).tol = 0.5;
    expect(model.options.tol).toBe(1);
    expect(() => {
      (model.options as { tol?: number }).tol = 0.9;
    }).toThrow(TypeError);
    expect(model.options.tol).toBe(1);
    // No defaults are filled in.
    expect(new LassoNetClassifier().options).toEqual({});
    const cox = new LassoNetCoxRegressor({ tieApproximation: 'efron' });
    expect(cox.options).toEqual({ tieApproximation: 'efron' });
    expect(Object.isFrozen(cox.options)).toBe(true);
  });
});

describe('path and fit: features and options', () => {
  const y = () => regressionY(features());

  it('rejects NaN in X, naming the row and the column', async () => {
    const X = features();
    (X[3] as number[])[1] = Number.NaN;
    const error = await rejection(new LassoNetRegressor(FAST).path(X, regressionY(features())));
    expectError(error, 'NON_FINITE', /X has NaN at row 3, column 1/);
  });

  it('rejects Infinity in X given as { data, shape }', async () => {
    const data = Float32Array.from(features().flat());
    data[7] = Number.POSITIVE_INFINITY;
    const error = await rejection(new LassoNetRegressor(FAST).fit({ data, shape: [N, 3] }, y()));
    expectError(error, 'NON_FINITE', /X has Infinity at row 2, column 1/);
  });

  it('rejects ragged X', async () => {
    const X = features();
    X[2] = [1, 2];
    const error = await rejection(new LassoNetRegressor(FAST).path(X, y()));
    expectError(error, 'SHAPE_MISMATCH', /X must be rectangular: row 0 has 3 values, row 2 has 2/);
  });

  it('rejects X whose rows differ from the length of y', async () => {
    const error = await rejection(new LassoNetRegressor(FAST).path(features(), y().slice(1)));
    expectError(error, 'SHAPE_MISMATCH', /X has 20 rows but y has 19/);
    const cox = await rejection(new LassoNetCoxRegressor(FAST).fit(features(), survivalY(25)));
    expectError(cox, 'SHAPE_MISMATCH', /X has 20 rows but y has 25/);
  });

  it('rejects empty X and empty y', async () => {
    const error = await rejection(new LassoNetRegressor(FAST).path([], []));
    expectError(error, 'EMPTY', /X has no rows/);
    const noColumns = await rejection(
      new LassoNetRegressor(FAST).path(
        Array.from({ length: 3 }, () => []),
        [1, 2, 3],
      ),
    );
    expectError(noColumns, 'EMPTY', /X is empty \(shape \[3, 0\]\)/);
    const noY = await rejection(new LassoNetClassifier(FAST).fit(features(), []));
    expectError(noY, 'EMPTY', /y is empty/);
  });

  it('rejects X that is not a matrix', async () => {
    const error = await rejection(new LassoNetRegressor(FAST).path('abc' as never, y()));
    expectError(
      error,
      'SHAPE_MISMATCH',
      /X must be number\[\]\[\], \{ data, shape \} or a 2-D tensor/,
    );
  });

  it('rejects XVal without yVal and yVal without XVal', async () => {
    const X = features();
    const a = await rejection(new LassoNetRegressor(FAST).path(X, y(), { XVal: features(5) }));
    expectError(a, 'INVALID_OPTION', /Give both XVal and yVal, or neither/);
    const b = await rejection(new LassoNetRegressor(FAST).fit(X, y(), { yVal: [1, 2] }));
    expectError(b, 'INVALID_OPTION', /Give both XVal and yVal, or neither/);
  });

  it('rejects XVal with the wrong number of columns, and yVal of the wrong length', async () => {
    const X = features();
    const XVal = features(5, 2);
    const a = await rejection(
      new LassoNetRegressor(FAST).path(X, y(), { XVal, yVal: [1, 2, 3, 4, 5] }),
    );
    expectError(a, 'SHAPE_MISMATCH', /XVal has 2 columns but .*3/);
    const b = await rejection(
      new LassoNetRegressor(FAST).path(X, y(), { XVal: features(5), yVal: [1, 2, 3, 4] }),
    );
    expectError(b, 'SHAPE_MISMATCH', /XVal has 5 rows but yVal has 4/);
    const XValNaN = features(5);
    (XValNaN[4] as number[])[0] = Number.NaN;
    const c = await rejection(
      new LassoNetRegressor(FAST).fit(X, y(), { XVal: XValNaN, yVal: [1, 2, 3, 4, 5] }),
    );
    expectError(c, 'NON_FINITE', /XVal has NaN at row 4, column 0/);
  });

  it('rejects unknown path and fit options', async () => {
    const X = features();
    const a = await rejection(new LassoNetRegressor(FAST).path(X, y(), { lamdaSeq: [1] } as never));
    expectError(a, 'UNKNOWN_OPTION', /Unknown option 'lamdaSeq' for path/);
    // lambdaSeq is a path() option, not a fit() one.
    const b = await rejection(new LassoNetRegressor(FAST).fit(X, y(), { lambdaSeq: [1] } as never));
    expectError(b, 'UNKNOWN_OPTION', /Unknown option 'lambdaSeq' for fit/);
    const c = await rejection(new LassoNetRegressor(FAST).path(X, y(), 3 as never));
    expectError(c, 'INVALID_OPTION', /path takes an options object, got 3/);
  });

  it("rejects denseOnly 'yes'", async () => {
    const X = features();
    const error = await rejection(
      new LassoNetRegressor(FAST).fit(X, y(), { denseOnly: 'yes' as never }),
    );
    expectError(error, 'INVALID_OPTION', /denseOnly must be true or false, got yes/);
  });

  it('rejects bad path options: lambdaSeq, lambdaMax, onStep', async () => {
    const X = features();
    const a = await rejection(new LassoNetRegressor(FAST).path(X, y(), { lambdaSeq: [2, 1] }));
    expectError(a, 'INVALID_OPTION', /lambdaSeq must be non-decreasing/);
    const b = await rejection(new LassoNetRegressor(FAST).path(X, y(), { lambdaMax: -1 }));
    expectError(b, 'INVALID_OPTION', /lambdaMax must be a finite number 0 <= lambdaMax, got -1/);
    const c = await rejection(new LassoNetRegressor(FAST).path(X, y(), { onStep: 'log' as never }));
    expectError(c, 'INVALID_OPTION', /onStep must be a function/);
  });

  it('rejects groups that are not a partition of the features', async () => {
    const X = features();
    const cases: [number[][], RegExp][] = [
      [[[0, 1]], /1 of 3 features are in no group \(first: 2\)/],
      [
        [
          [0, 1],
          [1, 2],
        ],
        /Feature 1 appears in groups\[0\] and groups\[1\]/,
      ],
      [[[0, 1, 2, 3]], /groups\[0\] contains 3, which is not a feature index/],
      [[[0, 1, 2], []], /groups\[1\] must be a non-empty array/],
    ];
    for (const [groups, message] of cases) {
      const error = await rejection(new LassoNetRegressor({ ...FAST, groups }).path(X, y()));
      expectError(error, 'INVALID_GROUPS', message);
    }
  });

  it('rejects a valSize that leaves no training rows', async () => {
    const X = features(2);
    const error = await rejection(
      new LassoNetRegressor({ ...FAST, valSize: 0.9 }).path(X, regressionY(X)),
    );
    expectError(error, 'EMPTY', /valSize = 0\.9 leaves no training rows out of 2/);
  });

  it('rejects an optimizer with an unknown field before any training', async () => {
    const X = features();
    const seen: number[] = [];
    // Built inside the promise: rejecting it in the constructor is as good as in path().
    const error = await rejection(
      (async () =>
        new LassoNetRegressor({
          ...FAST,
          lambdaSeq: [1],
          optimizer: [{ name: 'adam' }, { name: 'sgd', beta1: 0.9 } as never],
        }).path(X, y(), { onStep: (_, i) => seen.push(i) }))(),
    );
    expectError(error, 'UNKNOWN_OPTION', /'beta1'/);
    // Nothing trained: the bad option is found before the dense model.
    expect(seen).toEqual([]);
  });

  it('rejects an unknown field of the path optimizer even when only the dense model trains', async () => {
    const X = features();
    const error = await rejection(
      (async () =>
        new LassoNetRegressor({
          ...FAST,
          optimizer: [{ name: 'adam' }, { name: 'sgd', beta1: 0.9 } as never],
        }).fit(X, y(), { denseOnly: true }))(),
    );
    expectError(error, 'UNKNOWN_OPTION', /'beta1'/);
  });

  it('a failed path leaves no tensor behind', async () => {
    const X = features();
    const before = tf.memory().numTensors;
    const failures: Promise<unknown>[] = [
      // After the network is built: a negative class weight is caught by the loss.
      new LassoNetClassifier({ ...FAST, classWeight: [1, -1, 1] }).fit(X, classY()),
      // A validation set with a label the training data do not have (3 classes).
      new LassoNetClassifier(FAST).path(X, classY(), { XVal: features(4), yVal: [0, 1, 2, 5] }),
      new LassoNetRegressor({ ...FAST, groups: [[0]] }).path(X, y()),
      new LassoNetRegressor(FAST).path(X, y(), { XVal: features(5, 2), yVal: [1, 2, 3, 4, 5] }),
      (async () =>
        new LassoNetRegressor({
          ...FAST,
          optimizer: { name: 'adam', momentum: 0.9 } as never,
        }).path(X, y()))(),
    ];
    const codes: ModelErrorCode[] = [];
    for (const p of failures) codes.push((await rejection(p)).code);
    expect(codes).toEqual([
      'INVALID_OPTION',
      'INVALID_LABEL',
      'INVALID_GROUPS',
      'SHAPE_MISMATCH',
      'UNKNOWN_OPTION',
    ]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a negative class weight is rejected, naming the weight', async () => {
    const error = await rejection(
      (async () =>
        new LassoNetClassifier({ ...FAST, classWeight: [1, -1, 1] }).fit(features(), classY()))(),
    );
    expectError(error, 'INVALID_OPTION', /classWeight\[1\] must be a finite number >= 0, got -1/);
  });

  it('a failed fit keeps the previous fit', async () => {
    const X = features();
    const model = new LassoNetRegressor(FAST);
    await model.fit(X, y());
    const path = model.fittedPath;
    const predicted = model.predict(X);
    const before = tf.memory().numTensors;
    const bad = features();
    (bad[0] as number[])[0] = Number.NaN;
    await rejection(model.fit(bad, y()));
    await rejection(model.fit(X, y(), { XVal: features(3), yVal: [1, Number.NaN, 2] }));
    expect(model.fittedPath).toBe(path);
    expect(model.predict(X)).toEqual(predicted);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('classifier targets', () => {
  it('rejects a label that is not an integer >= 0, naming its index', async () => {
    for (const bad of [1.5, -1]) {
      const y = classY();
      y[4] = bad;
      const error = await rejection(new LassoNetClassifier(FAST).fit(features(), y));
      expectError(
        error,
        'INVALID_LABEL',
        new RegExp(`y\\[4\\] is ${bad}; class labels must be integers`),
      );
    }
    const y: unknown[] = classY();
    y[7] = '1';
    const error = await rejection(new LassoNetClassifier(FAST).path(features(), y as number[]));
    expectError(error, 'INVALID_LABEL', /y\[7\] is "1"/);
  });

  it('rejects a bad label in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetClassifier(FAST).fit(features(), classY(), {
        XVal: features(3),
        yVal: [0, 1, -2],
      }),
    );
    expectError(error, 'INVALID_LABEL', /yVal\[2\] is -2/);
  });

  it('rejects a label of yVal beyond the classes of y, naming yVal', async () => {
    const error = await rejection(
      new LassoNetClassifier(FAST).fit(features(), classY(), {
        XVal: features(4),
        yVal: [0, 1, 2, 5],
      }),
    );
    expectError(error, 'INVALID_LABEL', /yVal\[3\] is 5/);
  });

  it('rejects a single class (all 0)', async () => {
    const error = await rejection(
      new LassoNetClassifier(FAST).fit(features(), new Array(N).fill(0)),
    );
    expectError(error, 'INVALID_LABEL', /single class/);
  });

  it('rejects a single class (all 1)', async () => {
    const error = await rejection(
      new LassoNetClassifier(FAST).fit(features(), new Array(N).fill(1)),
    );
    expectError(error, 'INVALID_LABEL', /single class/);
  });

  it('rejects a label beyond the classes of classWeight', async () => {
    const error = await rejection(
      new LassoNetClassifier({ ...FAST, classWeight: [1, 2] }).fit(features(), classY()),
    );
    expectError(
      error,
      'INVALID_LABEL',
      /y has label 2 but classWeight has 2 weights \(classes 0\.\.1\)/,
    );
  });

  it('a float label in a tensor is rejected too', async () => {
    const y = tf.tensor1d(classY().map((v, i) => (i === 2 ? 0.5 : v)));
    const error = await rejection(new LassoNetClassifier(FAST).fit(features(), y));
    y.dispose();
    expectError(error, 'INVALID_LABEL', /y\[2\] is 0\.5/);
  });
});

describe('regressor targets', () => {
  it('rejects NaN and Infinity in y', async () => {
    const X = features();
    const y = regressionY(X);
    y[5] = Number.NaN;
    const a = await rejection(new LassoNetRegressor(FAST).fit(X, y));
    expectError(a, 'NON_FINITE', /y has NaN \(value 5\)/);
    y[5] = Number.NEGATIVE_INFINITY;
    const b = await rejection(new LassoNetRegressor(FAST).fit(X, Float64Array.from(y)));
    expectError(b, 'NON_FINITE', /y has -Infinity \(value 5\)/);
  });

  it('rejects y rows of unequal width', async () => {
    const X = features();
    const y = X.map((r) => [r[0] as number, r[1] as number]);
    y[6] = [1];
    const error = await rejection(new LassoNetRegressor(FAST).fit(X, y));
    expectError(error, 'SHAPE_MISMATCH', /y\[6\] must be a row of 2 numbers, got \[1\]/);
  });

  it('rejects a number among rows and a row among numbers', async () => {
    const X = features();
    const rows: unknown[] = X.map((r) => [r[0] as number]);
    rows[3] = 4;
    const a = await rejection(new LassoNetRegressor(FAST).fit(X, rows as number[][]));
    expectError(a, 'SHAPE_MISMATCH', /y\[3\] must be a row of 1 numbers, got 4/);
    const numbers: unknown[] = regressionY(X);
    numbers[3] = [4];
    const b = await rejection(new LassoNetRegressor(FAST).fit(X, numbers as number[]));
    expectError(b, 'SHAPE_MISMATCH', /y\[3\] must be a number, got \[4\]/);
  });

  it('rejects y that is not an array, and a 3-D tensor', async () => {
    const X = features();
    const a = await rejection(new LassoNetRegressor(FAST).fit(X, 5 as never));
    expectError(a, 'SHAPE_MISMATCH', /y must be an array or a tensor, got 5/);
    const t = tf.zeros([N, 1, 1]);
    const b = await rejection(new LassoNetRegressor(FAST).fit(X, t));
    t.dispose();
    expectError(b, 'SHAPE_MISMATCH', /y must be a 1-D or 2-D tensor, got shape \[20, 1, 1\]/);
  });

  it('rejects rows with no outputs', async () => {
    const X = features();
    const error = await rejection(
      new LassoNetRegressor(FAST).fit(
        X,
        X.map(() => []),
      ),
    );
    expectError(error, 'EMPTY', /y\[0\] has no outputs/);
  });
});

describe('Cox targets', () => {
  it('rejects an event that is not 0 or 1, naming the row', async () => {
    const y = survivalY();
    y[3] = [1, 2];
    const error = await rejection(new LassoNetCoxRegressor(FAST).fit(features(), y));
    expectError(
      error,
      'INVALID_SURVIVAL',
      /y\[3\] has event 2; it must be 1 \(observed\) or 0 \(censored\)/,
    );
  });

  it('rejects a negative duration, naming the row', async () => {
    const y = survivalY();
    y[8] = [-1, 1];
    const error = await rejection(new LassoNetCoxRegressor(FAST).path(features(), y));
    expectError(
      error,
      'INVALID_SURVIVAL',
      /y\[8\] has duration -1; durations must be finite and >= 0/,
    );
  });

  it('rejects NaN and Infinity durations', async () => {
    const y = survivalY();
    y[2] = [Number.NaN, 1];
    const a = await rejection(new LassoNetCoxRegressor(FAST).fit(features(), y));
    expectError(a, 'NON_FINITE', /y\[2\] has NaN/);
    y[2] = [Number.POSITIVE_INFINITY, 0];
    const b = await rejection(new LassoNetCoxRegressor(FAST).fit(features(), y));
    expectError(b, 'INVALID_SURVIVAL', /y\[2\] has duration Infinity/);
  });

  it('rejects rows that are not [duration, event]', async () => {
    const y: unknown[] = survivalY();
    y[4] = [1, 0, 1];
    const a = await rejection(new LassoNetCoxRegressor(FAST).fit(features(), y as number[][]));
    expectError(a, 'SHAPE_MISMATCH', /y\[4\] must be \[duration, event\], got \[1,0,1\]/);
    const b = await rejection(
      new LassoNetCoxRegressor(FAST).fit(features(), regressionY(features()) as never),
    );
    expectError(b, 'SHAPE_MISMATCH', /y\[0\] must be \[duration, event\]/);
  });

  it('rejects a bad event in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetCoxRegressor(FAST).fit(features(), survivalY(), {
        XVal: features(3),
        yVal: [
          [1, 0],
          [2, 1],
          [3, 3],
        ],
      }),
    );
    expectError(error, 'INVALID_SURVIVAL', /yVal\[2\]/);
  });
});

describe('interval targets', () => {
  it('rejects rows not of length 5', async () => {
    const y = intervalY();
    y[1] = [1, 2, 0, 1];
    const error = await rejection(new LassoNetIntervalRegressor(FAST).fit(features(), y));
    expectError(error, 'SHAPE_MISMATCH', /y\[1\] must be \[u, v, d1, d2, d3\], got \[1,2,0,1\]/);
  });

  it('rejects a bad indicator, naming the row', async () => {
    const y = intervalY();
    y[5] = [1, 2, 0, 2, 0];
    const a = await rejection(new LassoNetIntervalRegressor(FAST).fit(features(), y));
    expectError(a, 'INVALID_INTERVAL', /\[5\] has indicator 2; d1, d2, d3 must be 0 or 1/);
    y[5] = [1, 2, 1, 1, 0];
    const b = await rejection(new LassoNetIntervalRegressor(FAST).fit(features(), y));
    expectError(
      b,
      'INVALID_INTERVAL',
      /\[5\] must have exactly one of d1 \(left\), d2 \(interval\), d3 \(right\)/,
    );
  });

  it('rejects u > v and negative times', async () => {
    const y = intervalY();
    y[9] = [3, 2, 0, 1, 0];
    const a = await rejection(new LassoNetIntervalRegressor(FAST).fit(features(), y));
    expectError(a, 'INVALID_INTERVAL', /\[9\] has u = 3 > v = 2/);
    y[9] = [-1, 2, 0, 1, 0];
    const b = await rejection(new LassoNetIntervalRegressor(FAST).fit(features(), y));
    expectError(b, 'INVALID_INTERVAL', /\[9\] has a negative time/);
  });

  it('rejects a bad row in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetIntervalRegressor(FAST).fit(features(), intervalY(), {
        XVal: features(2),
        yVal: [
          [1, 1, 1, 0, 0],
          [1, 2, 0, 0, 0],
        ],
      }),
    );
    expectError(error, 'INVALID_INTERVAL', /yVal\[1\]/);
  });
});

describe('before fit, and loading checkpoints', () => {
  const X = features(4);
  const estimators = () => [
    new LassoNetRegressor(FAST),
    new LassoNetClassifier(FAST),
    new LassoNetCoxRegressor(FAST),
    new LassoNetIntervalRegressor(FAST),
  ];

  it('predict, score, selectedFeatures and network throw NOT_FITTED', () => {
    const ys: unknown[] = [regressionY(X), classY(4), survivalY(4), intervalY(4)];
    for (const [k, model] of estimators().entries()) {
      const name = model.constructor.name;
      const calls: [string, () => unknown][] = [
        ['predict', () => model.predict(X)],
        ['score', () => model.score(X, ys[k] as never)],
        ['selectedFeatures', () => model.selectedFeatures()],
        ['network', () => model.network],
      ];
      for (const [what, call] of calls) {
        const error = thrown(call);
        expect({ name, what, code: error.code }).toEqual({ name, what, code: 'NOT_FITTED' });
        expect(error.message).toMatch(new RegExp(`This ${name} is not fitted`));
      }
    }
    const error = thrown(() => new LassoNetClassifier().predictProba(X));
    expectError(error, 'NOT_FITTED', /not fitted/);
  });

  it('after dispose the estimator is not fitted again', async () => {
    const Xf = features();
    const model = await new LassoNetRegressor(FAST).fit(Xf, regressionY(Xf));
    expect(model.predict(Xf)).toHaveLength(N);
    model.dispose();
    expectError(
      thrown(() => model.predict(Xf)),
      'NOT_FITTED',
      /not fitted/,
    );
  });

  it('load(step without checkpoint) throws INVALID_CHECKPOINT', async () => {
    const Xf = features();
    const model = new LassoNetRegressor(FAST);
    const [dense] = await model.path(Xf, regressionY(Xf));
    const before = tf.memory().numTensors;
    const error = thrown(() => model.load(dense as PathStep));
    expectError(
      error,
      'INVALID_CHECKPOINT',
      /lambda 0 has no checkpoint: run path\(\) with returnCheckpoints: true/,
    );
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('rejects something that is not a checkpoint', () => {
    const before = tf.memory().numTensors;
    for (const bad of [{}, null, 'weights', { config: {} }]) {
      const error = thrown(() => new LassoNetRegressor().load(bad as never));
      expectError(error, 'INVALID_CHECKPOINT', /checkpoint/i);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a regressor checkpoint (no logSigma) does not load into LassoNetIntervalRegressor', async () => {
    const checkpoint = await regressorCheckpoint();
    const before = tf.memory().numTensors;
    const interval = new LassoNetIntervalRegressor();
    const error = thrown(() => interval.load(checkpoint));
    expectError(
      error,
      'INVALID_CHECKPOINT',
      /without logSigma; LassoNetIntervalRegressor needs one/,
    );
    expect(tf.memory().numTensors).toBe(before);
    expectError(
      thrown(() => interval.predict(features(2))),
      'NOT_FITTED',
      /not fitted/,
    );
  });

  it('an interval checkpoint (with logSigma) does not load into LassoNetRegressor', async () => {
    const Xf = features();
    const model = new LassoNetIntervalRegressor(FAST);
    const [dense] = await model.path(Xf, intervalY(), { returnCheckpoints: true });
    model.dispose();
    const before = tf.memory().numTensors;
    const error = thrown(() => new LassoNetRegressor().load(dense as PathStep));
    expectError(error, 'INVALID_CHECKPOINT', /with logSigma; LassoNetRegressor needs none/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a failed load keeps the network loaded before', async () => {
    const checkpoint = await regressorCheckpoint();
    const model = new LassoNetRegressor().load(checkpoint);
    const Xf = features(3);
    const predicted = model.predict(Xf);
    const before = tf.memory().numTensors;
    thrown(() => model.load({ lambda: 1 } as never));
    thrown(() =>
      model.load({ ...checkpoint, config: { ...checkpoint.config, logSigma: true } } as never),
    );
    expect(model.predict(Xf)).toEqual(predicted);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('a one-output checkpoint does not load into LassoNetClassifier', async () => {
    const checkpoint = await regressorCheckpoint();
    const before = tf.memory().numTensors;
    const error = thrown(() => new LassoNetClassifier().load(checkpoint));
    expectError(error, 'INVALID_CHECKPOINT', /output/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a multi-output checkpoint does not load into LassoNetCoxRegressor', async () => {
    const Xf = features();
    const classifier = new LassoNetClassifier(FAST);
    const [dense] = await classifier.path(Xf, classY(), { returnCheckpoints: true });
    classifier.dispose();
    const before = tf.memory().numTensors;
    const error = thrown(() => new LassoNetCoxRegressor().load(dense as PathStep));
    expectError(error, 'INVALID_CHECKPOINT', /output/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
