import '../test-utils/onCpu.js';
import { tf } from '@lassonet/backend';
import { Random } from '@lassonet/datasets';
import { describe, expect, it } from 'vitest';
import {
  LassoNetClassifierCV,
  LassoNetCoxRegressorCV,
  LassoNetIntervalRegressorCV,
  type LassoNetOptions,
  LassoNetRegressorCV,
  type ModelError,
  type ModelErrorCode,
} from '../index.js';
import { rejection, thrown } from '../test-utils/errors.js';

/** Tiny settings: every check below fails before any training. */
const FAST: LassoNetOptions = { hiddenDims: [4], nIters: [5, 2] };
const N = 20;

function features(n = N, d = 3, seed = 1): number[][] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

const regressionY = (X: number[][]): number[] => X.map((r) => (r[0] as number) - (r[1] as number));
const classY = (n = N): number[] => Array.from({ length: n }, (_, i) => i % 3);
const survivalY = (n = N): number[][] => Array.from({ length: n }, (_, i) => [1 + 0.1 * i, i % 2]);
const intervalY = (n = N): number[][] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? [1, 2, 0, 1, 0] : [2, 2, 0, 0, 1]));

function expectError(error: ModelError, code: ModelErrorCode, message: RegExp): void {
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message),
  });
}

describe('cross-validation constructor options', () => {
  const cases: [string, () => unknown, ModelErrorCode, RegExp][] = [
    [
      'cv 1',
      () => new LassoNetRegressorCV({ cv: 1 }),
      'INVALID_OPTION',
      /LassoNetRegressorCV: cv must be an integer >= 2, got 1\./,
    ],
    [
      'cv 2.5',
      () => new LassoNetClassifierCV({ cv: 2.5 }),
      'INVALID_OPTION',
      /LassoNetClassifierCV: cv must be an integer >= 2, got 2\.5\./,
    ],
    [
      'concurrency 0',
      () => new LassoNetCoxRegressorCV({ concurrency: 0 }),
      'INVALID_OPTION',
      /concurrency must be an integer >= 1, got 0/,
    ],
    [
      'unknown option',
      () => new LassoNetRegressorCV({ folds: 3 } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'folds' for LassoNetRegressorCV\. Known options: .*cv, concurrency/,
    ],
    [
      "another estimator's option",
      () => new LassoNetIntervalRegressorCV({ classWeight: [1, 1] } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'classWeight' for LassoNetIntervalRegressorCV/,
    ],
    [
      'a bad estimator option',
      () => new LassoNetClassifierCV({ hiddenDims: [0] }),
      'INVALID_OPTION',
      /hiddenDims\[0\] must be an integer >= 1, got 0/,
    ],
    [
      'a bad Cox option',
      () => new LassoNetCoxRegressorCV({ tieApproximation: 'exact' as never }),
      'INVALID_OPTION',
      /tieApproximation must be one of 'breslow', 'efron', got 'exact'/,
    ],
    [
      'an empty lambdaSeq',
      () => new LassoNetRegressorCV({ lambdaSeq: [] }),
      'INVALID_OPTION',
      /LassoNetRegressorCV needs a path in every fold, but lambdaSeq \[\] trains the dense model only/,
    ],
    [
      'options not an object',
      () => new LassoNetRegressorCV(3 as never),
      'INVALID_OPTION',
      /The options of LassoNetRegressorCV must be an object, got 3\./,
    ],
  ];
  for (const [name, make, code, message] of cases) {
    it(`rejects ${name}`, () => {
      expectError(thrown(make), code, message);
    });
  }

  it('stores the options; cv defaults to 5, concurrency stays unset (defaultWorkers decides)', () => {
    const model = new LassoNetClassifierCV({ ...FAST, cv: 3, concurrency: 2, classWeight: [1, 2] });
    expect(model.cv).toBe(3);
    expect(model.concurrency).toBe(2);
    expect(model.options).toEqual({ ...FAST, cv: 3, concurrency: 2, classWeight: [1, 2] });
    expect(Object.isFrozen(model.options)).toBe(true);
    const defaults = new LassoNetRegressorCV();
    expect(defaults.cv).toBe(5);
    expect(defaults.concurrency).toBeUndefined();
  });
});

describe('cross-validation fit input', () => {
  it('rejects unknown fit options and an onFold that is not a function', async () => {
    const X = features();
    const a = await rejection(
      new LassoNetRegressorCV(FAST).fit(X, regressionY(X), { XVal: X } as never),
    );
    expectError(a, 'UNKNOWN_OPTION', /Unknown option 'XVal' for fit/);
    const b = await rejection(
      new LassoNetRegressorCV(FAST).fit(X, regressionY(X), { onFold: 1 } as never),
    );
    expectError(b, 'INVALID_OPTION', /onFold must be a function/);
  });

  it('rejects y as the estimator does, with row indices of the whole data', async () => {
    const X = features();
    const labels = classY();
    labels[4] = 1.5;
    const a = await rejection(new LassoNetClassifierCV(FAST).fit(X, labels));
    expectError(a, 'INVALID_LABEL', /y\[4\] is 1\.5; class labels must be integers/);
    const b = await rejection(new LassoNetClassifierCV(FAST).fit(X, new Array(N).fill(2)));
    expectError(b, 'INVALID_LABEL', /y has a single class \(2\)/);
    const values = regressionY(X);
    values[7] = Number.NaN;
    const c = await rejection(new LassoNetRegressorCV(FAST).fit(X, values));
    expectError(c, 'NON_FINITE', /y has NaN \(value 7\)/);
    const d = await rejection(new LassoNetRegressorCV(FAST).fit(X, regressionY(X).slice(1)));
    expectError(d, 'SHAPE_MISMATCH', /X has 20 rows but y has 19/);
    const survival = survivalY();
    survival[3] = [1, 2];
    const e = await rejection(new LassoNetCoxRegressorCV(FAST).fit(X, survival));
    expectError(e, 'INVALID_SURVIVAL', /y\[3\] has event 2/);
    const intervals = intervalY();
    intervals[5] = [3, 2, 0, 1, 0];
    const f = await rejection(new LassoNetIntervalRegressorCV(FAST).fit(X, intervals));
    expectError(f, 'INVALID_INTERVAL', /\[5\] has u = 3 > v = 2/);
  });

  it('reads a tensor y back once and checks it the same way, leaving no tensor', async () => {
    const X = features();
    const before = tf.memory().numTensors;
    const y = tf.tensor1d(classY().map((v, i) => (i === 2 ? 0.5 : v)));
    const error = await rejection(new LassoNetClassifierCV(FAST).fit(X, y));
    y.dispose();
    expectError(error, 'INVALID_LABEL', /y\[2\] is 0\.5/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad X, groups that do not fit X, and more folds than rows', async () => {
    const X = features();
    const bad = features();
    (bad[1] as number[])[2] = Number.POSITIVE_INFINITY;
    const a = await rejection(new LassoNetRegressorCV(FAST).fit(bad, regressionY(X)));
    expectError(a, 'NON_FINITE', /X has Infinity at row 1, column 2/);
    const b = await rejection(
      new LassoNetRegressorCV({ ...FAST, groups: [[0, 1]] }).fit(X, regressionY(X)),
    );
    expectError(b, 'INVALID_GROUPS', /in no group/);
    const few = features(4);
    const c = await rejection(new LassoNetRegressorCV(FAST).fit(few, regressionY(few)));
    expectError(c, 'INVALID_OPTION', /cv = 5 folds need at least 5 rows, but X has 4/);
  });

  it('rejects with an AbortError when the signal has already fired', async () => {
    const X = features();
    const controller = new AbortController();
    controller.abort();
    await expect(
      new LassoNetRegressorCV(FAST).fit(X, regressionY(X), { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('cross-validation before fit', () => {
  it('predict, score, cvResult, estimator, network and selectedFeatures throw NOT_FITTED', () => {
    const X = features(4);
    const model = new LassoNetClassifierCV(FAST);
    const calls: [string, () => unknown][] = [
      ['predict', () => model.predict(X)],
      ['predictProba', () => model.predictProba(X)],
      ['score', () => model.score(X, classY(4))],
      ['cvResult', () => model.cvResult()],
      ['estimator', () => model.estimator],
      ['network', () => model.network],
      ['selectedFeatures', () => model.selectedFeatures()],
    ];
    for (const [what, call] of calls) {
      const error = thrown(call);
      expect({ what, code: error.code, message: error.message }).toEqual({
        what,
        code: 'NOT_FITTED',
        message: 'This LassoNetClassifierCV is not fitted: call fit() first.',
      });
    }
    expect(model.bestLambda).toBeUndefined();
    model.dispose();
  });
});
