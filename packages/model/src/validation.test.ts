import { expectErrorOf } from '@lassonet/vitest-config/errors';
import '@lassonet/backend-cpu';
import { tf, useBackend } from '@lassonet/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  coxPartialLikelihood,
  crossEntropy,
  intervalLogNormal,
  LassoNet,
  type LassoNetCheckpoint,
  ModelError,
  type ModelErrorCode,
  ModelOptimizer,
  meanSquaredError,
} from './index.js';

const expectError = expectErrorOf(ModelError);

beforeAll(async () => {
  await useBackend('cpu');
});

describe('network options', () => {
  it('rejects bad configs with the option named', () => {
    const cases: [object, ModelErrorCode, RegExp][] = [
      [{}, 'INVALID_OPTION', /needs nFeatures/],
      [{ nFeatures: 0 }, 'INVALID_OPTION', /nFeatures must be an integer >= 1, got 0/],
      [{ nFeatures: 3, hiddenDims: [] }, 'INVALID_OPTION', /hiddenDims must be a non-empty array/],
      [
        { nFeatures: 3, hiddenDims: [4, 2.5] },
        'INVALID_OPTION',
        /hiddenDims\[1\] must be an integer >= 1, got 2\.5/,
      ],
      [
        { nFeatures: 3, dropout: 1 },
        'INVALID_OPTION',
        /dropout must be a number in \[0, 1\), got 1/,
      ],
      [
        { nFeatures: 3, dropout: -0.1 },
        'INVALID_OPTION',
        /dropout must be a number in \[0, 1\), got -0\.1/,
      ],
      [{ nFeatures: 3, groups: [[0, 1]] }, 'INVALID_GROUPS', /1 of 3 features are in no group/],
      [{ nFeatures: 3, seed: 1.5 }, 'INVALID_OPTION', /seed must be an integer, got 1\.5/],
      [
        { nFeatures: 3, hidden_dims: [4] },
        'UNKNOWN_OPTION',
        /Unknown option 'hidden_dims' for LassoNet \(did you mean 'hiddenDims'\?\)/,
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [config, code, message] of cases) {
      expectError(() => new LassoNet(config as never), code, message);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects unknown step options and bad optimizers', () => {
    const net = new LassoNet({ nFeatures: 2, hiddenDims: [3] });
    const batch = net.prepare([[1, 2]], [1], meanSquaredError());
    const optimizer = new ModelOptimizer({ name: 'adam' });
    expectError(
      () => net.step(batch, { optimizer, lamda: 1 } as never),
      'UNKNOWN_OPTION',
      /'lamda'/,
    );
    expectError(
      () => net.step(batch, { optimizer, lambda: -1 }),
      'INVALID_OPTION',
      /lambda must be a finite number >= 0, got -1/,
    );
    expectError(() => net.step(batch, {} as never), 'INVALID_OPTION', /step needs optimizer/);
    expectError(
      () => new ModelOptimizer({ name: 'rmsprop' } as never),
      'INVALID_OPTION',
      /'adam' or 'sgd'/,
    );
    expectError(
      () => new ModelOptimizer({ name: 'sgd', learningRate: 0 }),
      'INVALID_OPTION',
      /optimizer: learningRate must be a finite number > 0, got 0/,
    );
    expectError(
      () => new ModelOptimizer({ name: 'adam', momentum: 0.9 } as never),
      'UNKNOWN_OPTION',
      /Unknown option 'momentum' for optimizer\. Known options: name, learningRate, beta1, beta2, epsilon/,
    );
    expectError(
      () => new ModelOptimizer({ name: 'sgd', nesterov: 'yes' } as never),
      'INVALID_OPTION',
      /optimizer: nesterov must be true or false, got 'yes'/,
    );
    optimizer.dispose();
    batch.dispose();
    net.dispose();
    expectError(() => net.predict([[1, 2]]), 'DISPOSED', /disposed/);
  });
});

describe('data checks at the boundary', () => {
  const net = new LassoNet({ nFeatures: 3, hiddenDims: [4], nOutputs: 2 });
  const X = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  it('features: shape, emptiness, NaN, and nothing left allocated', () => {
    const before = tf.memory().numTensors;
    const cases: [unknown, ModelErrorCode, RegExp][] = [
      [[], 'EMPTY', /X has no rows/],
      [[[1, 2]], 'SHAPE_MISMATCH', /X has 2 columns but the network has nFeatures = 3/],
      [
        [
          [1, 2, 3],
          [1, 2],
        ],
        'SHAPE_MISMATCH',
        /row 0 has 3 values, row 1 has 2/,
      ],
      [[[1, Number.NaN, 3]], 'NON_FINITE', /X has NaN at row 0, column 1/],
      [
        { data: new Float32Array(5), shape: [2, 3] },
        'SHAPE_MISMATCH',
        /X.data has 5 values but shape \[2, 3\] needs 6/,
      ],
      [tf.tensor1d([1, 2, 3]), 'SHAPE_MISMATCH', /X must be 2-D, got shape \[3\]/],
      [tf.tensor2d([[1, Number.POSITIVE_INFINITY, 3]]), 'NON_FINITE', /X contains NaN or Infinity/],
      ['1,2,3', 'SHAPE_MISMATCH', /X must be number\[\]\[\], \{ data, shape \} or a 2-D tensor/],
    ];
    const inputs = cases.map((c) => c[0]).filter((x): x is tf.Tensor => x instanceof tf.Tensor);
    for (const [input, code, message] of cases) {
      expectError(() => net.predict(input as never), code, message);
      expectError(() => net.prepare(input as never, [0], crossEntropy()), code, message);
    }
    tf.dispose(inputs);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('accepts number[][], { data, shape } and tensors alike', () => {
    const a = net.predict(X);
    const b = net.predict({ data: Float32Array.from(X.flat()), shape: [2, 3] });
    const t = tf.tensor2d(X);
    const c = net.predict(t);
    expect(b.arraySync()).toEqual(a.arraySync());
    expect(c.arraySync()).toEqual(a.arraySync());
    expect(t.isDisposed).toBe(false);
    tf.dispose([a, b, c, t]);
  });

  it('targets: row counts, labels, regression outputs', () => {
    const before = tf.memory().numTensors;
    expectError(
      () => net.prepare(X, [0, 1, 1], crossEntropy()),
      'SHAPE_MISMATCH',
      /X has 2 rows but y has 3/,
    );
    expectError(
      () => net.prepare(X, [0, 2], crossEntropy()),
      'INVALID_LABEL',
      /y\[1\] is 2; labels must be integers 0..1/,
    );
    expectError(() => net.prepare(X, [0, 0.5], crossEntropy()), 'INVALID_LABEL', /y\[1\] is 0.5/);
    expectError(() => net.prepare(X, [], crossEntropy()), 'EMPTY', /y is empty/);
    expectError(
      () => net.prepare(X, [0, 1], crossEntropy({ classWeight: [1] })),
      'SHAPE_MISMATCH',
      /classWeight has 1 entries but there are 2 classes/,
    );
    expectError(
      () => net.prepare(X, [0, 1], crossEntropy({ classWeight: [1, -1] })),
      'INVALID_OPTION',
      /classWeight\[1\] must be a finite number >= 0/,
    );
    expectError(() => crossEntropy({ weights: [1, 1] } as never), 'UNKNOWN_OPTION', /'weights'/);
    expectError(
      () => net.prepare(X, [1, 2], meanSquaredError()),
      'SHAPE_MISMATCH',
      /one number per sample but the network has 2 outputs/,
    );
    expectError(
      () =>
        net.prepare(
          X,
          [
            [1, 2],
            [3, Number.NaN],
          ],
          meanSquaredError(),
        ),
      'NON_FINITE',
      /y has NaN at sample 1/,
    );
    expectError(
      () =>
        net.prepare(
          X,
          [
            [1, 1],
            [2, 1],
          ],
          coxPartialLikelihood(),
        ),
      'SHAPE_MISMATCH',
      /Cox loss needs a network with one output/,
    );
    expectError(
      () => net.prepare(X, [[1, 1, 0, 1, 0]], intervalLogNormal()),
      'SHAPE_MISMATCH',
      /one output/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('survival and interval targets', () => {
    const one = new LassoNet({ nFeatures: 3, hiddenDims: [2] });
    const withSigma = new LassoNet({ nFeatures: 3, hiddenDims: [2], logSigma: true });
    expectError(
      () =>
        one.prepare(
          X,
          [
            [1, 1],
            [-2, 0],
          ],
          coxPartialLikelihood(),
        ),
      'INVALID_SURVIVAL',
      /negative|duration/i,
    );
    expectError(
      () =>
        one.prepare(
          X,
          [
            [1, 1],
            [2, 2],
          ],
          coxPartialLikelihood(),
        ),
      'INVALID_SURVIVAL',
      /event/i,
    );
    expectError(
      () => one.prepare(X, [[1], [2, 1]], coxPartialLikelihood()),
      'SHAPE_MISMATCH',
      /y\[0\] must be \[duration, event\]/,
    );
    expectError(
      () =>
        one.prepare(
          X,
          [
            [1, 2, 0, 1, 0],
            [1, 2, 0, 1, 0],
          ],
          intervalLogNormal(),
        ),
      'INVALID_OPTION',
      /create the network with logSigma: true/,
    );
    const interval: [number[], RegExp][] = [
      [[3, 2, 0, 1, 0], /u = 3 > v = 2/],
      [[1, 2, 1, 1, 0], /exactly one of d1 \(left\), d2 \(interval\), d3 \(right\)/],
      [[1, 2, 0, 0.5, 0], /indicator 0.5/],
      [[-1, 2, 0, 1, 0], /negative time/],
      [[0, 0, 1, 0, 0], /left-censored at u = 0/],
    ];
    for (const [row, message] of interval) {
      expectError(
        () => withSigma.prepare(X, [[1, 2, 0, 1, 0], row], intervalLogNormal()),
        'INVALID_INTERVAL',
        message,
      );
    }
    expectError(
      () =>
        withSigma.prepare(
          X,
          [
            [1, 2, 0, 1, 0],
            [Number.NaN, 2, 0, 1, 0],
          ],
          intervalLogNormal(),
        ),
      'NON_FINITE',
      /y\[1\] has u = NaN/,
    );
    one.dispose();
    withSigma.dispose();
  });

  it('checkpoints that are not checkpoints', () => {
    const good = net.toJSON();
    const cases: [unknown, RegExp][] = [
      [null, /expected an object/],
      [{ ...good, format: 'keras' }, /format is keras/],
      [{ ...good, version: 2 }, /version 2 is not supported/],
      [
        { ...good, weights: { ...good.weights, skip: [[1, 2]] } },
        /weights.skip must be a 3×2 array, got 1 rows/,
      ],
      [{ ...good, weights: { ...good.weights, layers: [] } }, /weights.layers must hold 2 layers/],
    ];
    for (const [checkpoint, message] of cases) {
      expectError(
        () => LassoNet.fromJSON(checkpoint as LassoNetCheckpoint),
        'INVALID_CHECKPOINT',
        message,
      );
    }
    const nan = structuredClone(good);
    (nan.weights.layers[1] as { bias: number[] }).bias[0] = Number.NaN;
    expectError(() => net.load(nan), 'INVALID_CHECKPOINT', /weights.layers\[1\].bias holds NaN/);
  });
});
