import '../test-utils/onCpu.js';
import { describe, expect, it } from 'vitest';
import type { PathStep } from '../pathStep.js';
import {
  DENSE_ONLY,
  expectError,
  features,
  N,
  regressionY,
  survivalY,
} from '../test-utils/checkEstimator.js';
import { rejection, thrown } from '../test-utils/errors.js';
import { LassoNetCoxRegressor } from './coxRegressor.js';

const fitWith = (y: number[][]) => new LassoNetCoxRegressor(DENSE_ONLY).fit(features(), y);

describe('LassoNetCoxRegressor options', () => {
  it('takes no batchSize at all: the partial likelihood couples every row', () => {
    for (const batchSize of [8, 1, 0, N]) {
      expectError(
        thrown(() => new LassoNetCoxRegressor({ batchSize })),
        'INVALID_OPTION',
        new RegExp(
          `^LassoNetCoxRegressor: batchSize must be left out: the partial likelihood couples every row, so LassoNetCoxRegressor trains on the full data, got ${batchSize}\\.$`,
        ),
      );
    }
  });

  it("takes tieApproximation 'breslow' or 'efron' only", () => {
    expectError(
      thrown(() => new LassoNetCoxRegressor({ tieApproximation: 'exact' as never })),
      'INVALID_OPTION',
      /^LassoNetCoxRegressor: tieApproximation must be one of 'breslow', 'efron', got 'exact'\.$/,
    );
    const cox = new LassoNetCoxRegressor({ tieApproximation: 'efron' });
    expect(cox.options).toEqual({ tieApproximation: 'efron' });
    expect(Object.isFrozen(cox.options)).toBe(true);
  });

  it("'efron' and 'breslow' agree without ties and differ with them", async () => {
    const X = features();
    const loss = async (y: number[][], tieApproximation: 'breslow' | 'efron') => {
      const model = new LassoNetCoxRegressor({ ...DENSE_ONLY, seed: 1, tieApproximation });
      const [dense] = await model.path(X, y);
      model.dispose();
      return (dense as PathStep).loss;
    };
    const distinct = survivalY();
    expect(await loss(distinct, 'efron')).toBeCloseTo(await loss(distinct, 'breslow'), 5);
    // Four rows share each event time.
    const tied = survivalY().map((_, i) => [1 + Math.floor(i / 4), 1]);
    expect(await loss(tied, 'efron')).not.toBeCloseTo(await loss(tied, 'breslow'), 3);
  });

  it('defaults to early stopping on the training data (valSize 0)', async () => {
    const X = features();
    const model = new LassoNetCoxRegressor({ ...DENSE_ONLY, nIters: [3, 1] });
    const [dense] = await model.path(X, survivalY());
    expect((dense as PathStep).valLoss).toBe((dense as PathStep).loss);
    model.dispose();
  });
});

describe('LassoNetCoxRegressor targets', () => {
  it('rejects an event that is not 0 or 1, naming the row', async () => {
    const y = survivalY();
    y[3] = [1, 2];
    expectError(
      await rejection(fitWith(y)),
      'INVALID_SURVIVAL',
      /^y\[3\] has event 2; it must be 1 \(observed\) or 0 \(censored\)\.$/,
    );
  });

  it('rejects a negative duration, naming the row', async () => {
    const y = survivalY();
    y[8] = [-1, 1];
    const error = await rejection(new LassoNetCoxRegressor(DENSE_ONLY).path(features(), y));
    expectError(
      error,
      'INVALID_SURVIVAL',
      /^y\[8\] has duration -1; durations must be finite and >= 0\.$/,
    );
  });

  it('rejects NaN and Infinity durations', async () => {
    const y = survivalY();
    y[2] = [Number.NaN, 1];
    expectError(await rejection(fitWith(y)), 'NON_FINITE', /y\[2\] has NaN/);
    y[2] = [Number.POSITIVE_INFINITY, 0];
    expectError(await rejection(fitWith(y)), 'INVALID_SURVIVAL', /^y\[2\] has duration Infinity/);
  });

  it('rejects rows that are not [duration, event]', async () => {
    const y: unknown[] = survivalY();
    y[4] = [1, 0, 1];
    expectError(
      await rejection(fitWith(y as number[][])),
      'SHAPE_MISMATCH',
      /^y\[4\] must be \[duration, event\], got \[1,0,1\]/,
    );
    expectError(
      await rejection(fitWith(regressionY(features()) as never)),
      'SHAPE_MISMATCH',
      /^y\[0\] must be \[duration, event\]/,
    );
  });

  it('rejects a bad event in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetCoxRegressor(DENSE_ONLY).fit(features(), survivalY(), {
        XVal: features(3),
        yVal: [
          [1, 0],
          [2, 1],
          [3, 3],
        ],
      }),
    );
    expectError(error, 'INVALID_SURVIVAL', /^yVal\[2\] has event 3/);
  });

  it('scores the concordance of the risks: 1 when they order the events', async () => {
    const X = features();
    const model = await new LassoNetCoxRegressor(DENSE_ONLY).fit(X, survivalY());
    const risk = model.predict(X);
    // Every row an event, the riskiest first.
    const order = risk.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0]);
    const y: number[][] = new Array(N);
    order.forEach(([, i], rank) => {
      y[i] = [1 + rank, 1];
    });
    expect(model.score(X, y)).toBe(1);
    model.dispose();
  });
});
