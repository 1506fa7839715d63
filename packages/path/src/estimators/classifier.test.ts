import '../test-utils/onCpu.js';
import { tf } from '@lassonet/backend';
import { describe, expect, it } from 'vitest';
import type { PathStep } from '../pathStep.js';
import {
  CONTRACT_OPTIONS,
  classY,
  DENSE_ONLY,
  expectError,
  features,
  N,
} from '../test-utils/checkEstimator.js';
import { rejection, thrown } from '../test-utils/errors.js';
import { LassoNetClassifier } from './classifier.js';

describe('LassoNetClassifier targets', () => {
  it('rejects a label that is not an integer >= 0, naming its index', async () => {
    for (const bad of [1.5, -1]) {
      const y = classY();
      y[4] = bad;
      const error = await rejection(new LassoNetClassifier(DENSE_ONLY).fit(features(), y));
      expectError(
        error,
        'INVALID_LABEL',
        new RegExp(`^y\\[4\\] is ${bad}; class labels must be integers 0\\.\\.K-1\\.$`),
      );
    }
    const y: unknown[] = classY();
    y[7] = '1';
    const error = await rejection(
      new LassoNetClassifier(DENSE_ONLY).path(features(), y as number[]),
    );
    expectError(error, 'INVALID_LABEL', /y\[7\] is "1"/);
  });

  it('rejects a float label in a tensor', async () => {
    const y = tf.tensor1d(classY().map((v, i) => (i === 2 ? 0.5 : v)));
    const error = await rejection(new LassoNetClassifier(DENSE_ONLY).fit(features(), y));
    y.dispose();
    expectError(error, 'INVALID_LABEL', /y\[2\] is 0\.5/);
  });

  it('rejects a bad label in yVal, naming yVal', async () => {
    const error = await rejection(
      new LassoNetClassifier(DENSE_ONLY).fit(features(), classY(), {
        XVal: features(3),
        yVal: [0, 1, -2],
      }),
    );
    expectError(error, 'INVALID_LABEL', /^yVal\[2\] is -2/);
  });

  it('rejects a label of yVal beyond the classes of y, naming yVal', async () => {
    const error = await rejection(
      new LassoNetClassifier(DENSE_ONLY).fit(features(), classY(), {
        XVal: features(4),
        yVal: [0, 1, 2, 5],
      }),
    );
    expectError(
      error,
      'INVALID_LABEL',
      /^yVal\[3\] is 5, but the training labels define classes 0\.\.2\.$/,
    );
  });

  it('rejects a single class', async () => {
    for (const label of [0, 1]) {
      const error = await rejection(
        new LassoNetClassifier(DENSE_ONLY).fit(features(), new Array(N).fill(label)),
      );
      expectError(
        error,
        'INVALID_LABEL',
        new RegExp(`^y has a single class \\(${label}\\); a classifier needs at least two\\.$`),
      );
    }
  });

  it('takes labels as a typed array and a tensor', async () => {
    const X = features();
    const model = new LassoNetClassifier({ ...DENSE_ONLY, seed: 4 });
    await model.fit(X, classY());
    const fromArray = model.predict(X);
    await model.fit(X, Int32Array.from(classY()) as never);
    expect(model.predict(X)).toEqual(fromArray);
    const y = tf.tensor1d(classY(), 'int32');
    await model.fit(X, y);
    y.dispose();
    expect(model.predict(X)).toEqual(fromArray);
    model.dispose();
  });
});

describe('LassoNetClassifier classWeight', () => {
  it("suggests 'classWeight' for a misspelt class weight", () => {
    expectError(
      thrown(() => new LassoNetClassifier({ class_weight: [1, 2] } as never)),
      'UNKNOWN_OPTION',
      /^Unknown option 'class_weight' for LassoNetClassifier \(did you mean 'classWeight'\?\)/,
    );
  });

  it('rejects a classWeight that is not one weight per class', () => {
    for (const classWeight of [2, [1]]) {
      expectError(
        thrown(() => new LassoNetClassifier({ classWeight: classWeight as never })),
        'INVALID_OPTION',
        /^LassoNetClassifier: classWeight must be an array with one weight per class, got /,
      );
    }
  });

  it('rejects a negative class weight, naming the weight, leaving no tensor', async () => {
    const before = tf.memory().numTensors;
    const error = await rejection(
      (async () =>
        new LassoNetClassifier({ ...DENSE_ONLY, classWeight: [1, -1, 1] }).fit(
          features(),
          classY(),
        ))(),
    );
    expectError(error, 'INVALID_OPTION', /classWeight\[1\] must be a finite number >= 0, got -1/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a label beyond the classes of classWeight', async () => {
    const error = await rejection(
      new LassoNetClassifier({ ...DENSE_ONLY, classWeight: [1, 2] }).fit(features(), classY()),
    );
    expectError(
      error,
      'INVALID_LABEL',
      /^y has label 2 but classWeight has 2 weights \(classes 0\.\.1\)\.$/,
    );
  });

  it('gives the classes: one absent from y still has an output', async () => {
    const X = features();
    const model = await new LassoNetClassifier({
      ...DENSE_ONLY,
      classWeight: [1, 1, 1, 2],
    }).fit(X, classY());
    expect(model.nClasses).toBe(4);
    const proba = model.predictProba(X);
    expect(proba.every((row) => row.length === 4)).toBe(true);
    // Even a single class in y is enough when the weights say how many there are.
    await model.fit(X, new Array(N).fill(1));
    expect(model.nClasses).toBe(4);
    model.dispose();
  });

  it('weights change the loss', async () => {
    const X = features();
    const loss = async (classWeight?: number[]) => {
      const model = new LassoNetClassifier({ ...DENSE_ONLY, seed: 1, classWeight });
      const [dense] = await model.path(X, classY());
      model.dispose();
      return (dense as PathStep).loss;
    };
    const plain = await loss();
    expect(await loss([1, 1, 1])).toBeCloseTo(plain, 5);
    expect(await loss([1, 5, 0.1])).not.toBeCloseTo(plain, 3);
  });
});

describe('LassoNetClassifier predictions', () => {
  it('predicts a class per row and probabilities that sum to 1', async () => {
    const X = features();
    const model = await new LassoNetClassifier(CONTRACT_OPTIONS).fit(X, classY());
    expect(model.nClasses).toBe(3);
    const proba = model.predictProba(X);
    expect(proba).toHaveLength(N);
    for (const row of proba) {
      expect(row).toHaveLength(3);
      for (const p of row) expect(p).toBeGreaterThanOrEqual(0);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    }
    const predicted = model.predict(X);
    // The predicted class is the most probable one.
    expect(predicted).toEqual(proba.map((row) => row.indexOf(Math.max(...row))));
    expect(model.score(X, classY())).toBe(predicted.filter((c, i) => c === classY()[i]).length / N);
    model.dispose();
  });

  it('predictProba is NOT_FITTED before fit', () => {
    expectError(
      thrown(() => new LassoNetClassifier().predictProba(features(2))),
      'NOT_FITTED',
      /^This LassoNetClassifier is not fitted/,
    );
  });

  it('a failed path with a bad yVal label leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const error = await rejection(
      new LassoNetClassifier(DENSE_ONLY).path(features(), classY(), {
        XVal: features(4),
        yVal: [0, 1, 2, 5],
      }),
    );
    expect(error.code).toBe('INVALID_LABEL');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('LassoNetClassifier checkpoints', () => {
  it('loading a checkpoint sets the number of classes', async () => {
    const X = features();
    const model = new LassoNetClassifier(DENSE_ONLY);
    const [dense] = await model.path(X, classY(), { returnCheckpoints: true });
    model.dispose();
    const loaded = new LassoNetClassifier().load(dense as PathStep);
    expect(loaded.nClasses).toBe(3);
    expect(loaded.predictProba(X)[0]).toHaveLength(3);
    loaded.dispose();
  });
});
