import '../test-utils/onCpu.js';
import { tf } from '@lassonet/backend';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_OPTIONS,
  DENSE_ONLY,
  expectError,
  features,
  N,
  regressionY,
} from '../test-utils/checkEstimator.js';
import { rejection } from '../test-utils/errors.js';
import { LassoNetRegressor } from './regressor.js';

describe('LassoNetRegressor targets', () => {
  it('rejects NaN and Infinity in y', async () => {
    const X = features();
    const y = regressionY(X);
    y[5] = Number.NaN;
    const a = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, y));
    expectError(a, 'NON_FINITE', /^y has NaN \(value 5\); targets must be finite\.$/);
    y[5] = Number.NEGATIVE_INFINITY;
    const b = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, Float64Array.from(y)));
    expectError(b, 'NON_FINITE', /^y has -Infinity \(value 5\)/);
    const rows = X.map((r) => [r[0] as number, r[1] as number]);
    (rows[2] as number[])[1] = Number.POSITIVE_INFINITY;
    const c = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, rows));
    expectError(c, 'NON_FINITE', /^y has Infinity \(value 5\)/);
  });

  it('rejects NaN in yVal, naming yVal', async () => {
    const X = features();
    const error = await rejection(
      new LassoNetRegressor(DENSE_ONLY).fit(X, regressionY(X), {
        XVal: features(3),
        yVal: [1, Number.NaN, 2],
      }),
    );
    expectError(error, 'NON_FINITE', /^yVal has NaN \(value 1\)/);
  });

  it('rejects y rows of unequal width', async () => {
    const X = features();
    const y = X.map((r) => [r[0] as number, r[1] as number]);
    y[6] = [1];
    const error = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, y));
    expectError(error, 'SHAPE_MISMATCH', /^y\[6\] must be a row of 2 numbers, got \[1\]/);
  });

  it('rejects a number among rows and a row among numbers', async () => {
    const X = features();
    const rows: unknown[] = X.map((r) => [r[0] as number]);
    rows[3] = 4;
    const a = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, rows as number[][]));
    expectError(a, 'SHAPE_MISMATCH', /^y\[3\] must be a row of 1 numbers, got 4/);
    const numbers: unknown[] = regressionY(X);
    numbers[3] = [4];
    const b = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(X, numbers as number[]));
    expectError(b, 'SHAPE_MISMATCH', /^y\[3\] must be a number, got \[4\]\.$/);
  });

  it('rejects a 3-D tensor y', async () => {
    const t = tf.zeros([N, 1, 1]);
    const error = await rejection(new LassoNetRegressor(DENSE_ONLY).fit(features(), t));
    t.dispose();
    expectError(
      error,
      'SHAPE_MISMATCH',
      /^y must be a 1-D or 2-D tensor, got shape \[20, 1, 1\]\.$/,
    );
  });

  it('rejects rows with no outputs', async () => {
    const X = features();
    const error = await rejection(
      new LassoNetRegressor(DENSE_ONLY).fit(
        X,
        X.map(() => []),
      ),
    );
    expectError(error, 'EMPTY', /^y\[0\] has no outputs\.$/);
  });
});

describe('LassoNetRegressor predictions', () => {
  it('predicts numbers for one output, rows for several', async () => {
    const X = features();
    const model = await new LassoNetRegressor(CONTRACT_OPTIONS).fit(X, regressionY(X));
    const single = model.predict(X);
    expect(single).toHaveLength(N);
    expect(single.every((p) => typeof p === 'number')).toBe(true);

    const two = X.map((r) => [r[0] as number, -(r[2] as number)]);
    await model.fit(X, two);
    const multi = model.predict(X) as number[][];
    expect(multi).toHaveLength(N);
    expect(multi.every((row) => row.length === 2)).toBe(true);
    expect(model.score(X, two)).toBeLessThanOrEqual(1);

    // One output given as rows of one value stays rows.
    await model.fit(
      X,
      regressionY(X).map((v) => [v]),
    );
    const rows = model.predict(X) as number[][];
    expect(rows.every((row) => Array.isArray(row) && row.length === 1)).toBe(true);
    model.dispose();
  });

  it('a perfect prediction scores R² = 1', async () => {
    const X = features();
    const model = await new LassoNetRegressor(DENSE_ONLY).fit(X, regressionY(X));
    const predicted = model.predict(X) as number[];
    expect(model.score(X, predicted)).toBeCloseTo(1, 6);
    model.dispose();
  });
});
