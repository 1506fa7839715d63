import '../test-utils/onCpu.js';
import { tf } from '@lassonet/backend';
import { describe, expect, it } from 'vitest';
import type { PathStep } from '../pathStep.js';
import {
  DENSE_ONLY,
  expectError,
  features,
  intervalY,
  regressionY,
} from '../test-utils/checkEstimator.js';
import { rejection, thrown } from '../test-utils/errors.js';
import { LassoNetIntervalRegressor } from './intervalRegressor.js';
import { LassoNetRegressor } from './regressor.js';

const fitWith = (y: number[][]) => new LassoNetIntervalRegressor(DENSE_ONLY).fit(features(), y);

describe('LassoNetIntervalRegressor targets', () => {
  it('rejects rows not of length 5', async () => {
    const y = intervalY();
    y[1] = [1, 2, 0, 1];
    expectError(
      await rejection(fitWith(y)),
      'SHAPE_MISMATCH',
      /^y\[1\] must be \[u, v, d1, d2, d3\], got \[1,2,0,1\]/,
    );
    const plain = await rejection(
      new LassoNetIntervalRegressor(DENSE_ONLY).fit(features(), regressionY(features()) as never),
    );
    expectError(plain, 'SHAPE_MISMATCH', /^y\[0\] must be \[u, v, d1, d2, d3\]/);
  });

  it('rejects a bad indicator, naming the row', async () => {
    const y = intervalY();
    y[5] = [1, 2, 0, 2, 0];
    expectError(
      await rejection(fitWith(y)),
      'INVALID_INTERVAL',
      /\[5\] has indicator 2; d1, d2, d3 must be 0 or 1/,
    );
    y[5] = [1, 2, 1, 1, 0];
    expectError(
      await rejection(fitWith(y)),
      'INVALID_INTERVAL',
      /\[5\] must have exactly one of d1 \(left\), d2 \(interval\), d3 \(right\)/,
    );
    y[5] = [1, 2, 0, 0, 0];
    expectError(await rejection(fitWith(y)), 'INVALID_INTERVAL', /\[5\] must have exactly one/);
  });

  it('rejects u > v and negative times', async () => {
    const y = intervalY();
    y[9] = [3, 2, 0, 1, 0];
    expectError(await rejection(fitWith(y)), 'INVALID_INTERVAL', /\[9\] has u = 3 > v = 2/);
    y[9] = [-1, 2, 0, 1, 0];
    expectError(await rejection(fitWith(y)), 'INVALID_INTERVAL', /\[9\] has a negative time/);
  });

  it('rejects a bad row in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetIntervalRegressor(DENSE_ONLY).fit(features(), intervalY(), {
        XVal: features(2),
        yVal: [
          [1, 1, 1, 0, 0],
          [1, 2, 0, 0, 0],
        ],
      }),
    );
    expectError(error, 'INVALID_INTERVAL', /^yVal\[1\]/);
  });
});

describe('LassoNetIntervalRegressor checkpoints', () => {
  it('a multi-output checkpoint does not load', async () => {
    const X = features();
    const regressor = new LassoNetRegressor(DENSE_ONLY);
    const [dense] = await regressor.path(
      X,
      X.map((r) => [r[0] as number, r[1] as number]),
      { returnCheckpoints: true },
    );
    regressor.dispose();
    const checkpoint = (dense as PathStep).checkpoint;
    const before = tf.memory().numTensors;
    // Given a logSigma, so that the number of outputs is what is wrong.
    const error = thrown(() =>
      new LassoNetIntervalRegressor().load({
        ...checkpoint,
        config: { ...checkpoint?.config, logSigma: true },
        weights: { ...checkpoint?.weights, logSigma: 0 },
      } as never),
    );
    expectError(
      error,
      'INVALID_CHECKPOINT',
      /^The checkpoint's network has 2 outputs; LassoNetIntervalRegressor needs one \(the mean log time\)\.$/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
