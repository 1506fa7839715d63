import { Random } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import {
  proportionalAllocation,
  shuffledIndices,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './split.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
// Row i is [i, 10 i], so each row shows where it came from.
const rows = (n: number): number[][] => range(n).map((i) => [i, 10 * i]);
const ascending = (a: readonly number[]): number[] => [...a].sort((p, q) => p - q);
const countOf = (values: readonly number[], label: number): number =>
  values.filter((v) => v === label).length;

function expectPartition(train: readonly number[], test: readonly number[], n: number): void {
  expect(ascending([...train, ...test])).toEqual(range(n));
}

describe('shuffledIndices', () => {
  it('is the seeded permutation of 0..n-1', () => {
    const p = shuffledIndices(50, 3);
    expect(ascending(p)).toEqual(range(50));
    expect(p).toEqual(new Random(3).permutation(50));
    expect(p).not.toEqual(range(50));
    expect(shuffledIndices(50)).toEqual(shuffledIndices(50, 0));
    expect(shuffledIndices(50, 4)).not.toEqual(p);
    expect(shuffledIndices(0, 1)).toEqual([]);
  });

  it('rejects a bad n or seed', () => {
    expectDatasetError(
      () => shuffledIndices(-1),
      'INVALID_OPTION',
      'n must be an integer >= 0, got -1',
    );
    expectDatasetError(() => shuffledIndices(3, 0.5), 'INVALID_OPTION', 'seed', '0.5');
  });
});

describe('trainTestSplit', () => {
  it('puts the first nTest entries of the seeded permutation in the test set', () => {
    const X = rows(10);
    const y = range(10).map((i) => 100 + i);
    const split = trainTestSplit(X, y, { testSize: 0.3, seed: 7 });
    const order = shuffledIndices(10, 7);
    expect(split.testIndex).toEqual(order.slice(0, 3));
    expect(split.trainIndex).toEqual(order.slice(3));
    expect(split.XTest).toEqual(split.testIndex.map((i) => [i, 10 * i]));
    expect(split.XTrain).toEqual(split.trainIndex.map((i) => [i, 10 * i]));
    expect(split.yTest).toEqual(split.testIndex.map((i) => 100 + i));
    expect(split.yTrain).toEqual(split.trainIndex.map((i) => 100 + i));
  });

  it('sizes the test set as ceil(testSize * n), or takes a count', () => {
    const nTest = (n: number, testSize?: number) =>
      trainTestSplit(rows(n), range(n), testSize === undefined ? {} : { testSize }).testIndex
        .length;
    expect(nTest(10)).toBe(2);
    expect(nTest(7)).toBe(2); // ceil(1.4)
    expect(nTest(10, 0.25)).toBe(3); // ceil(2.5)
    expect(nTest(10, 4)).toBe(4);
    expect(nTest(10, 1)).toBe(1);
    expect(nTest(10, 9)).toBe(9);
    expect(nTest(2, 0.5)).toBe(1);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const X = rows(40);
    const a = trainTestSplit(X, range(40), { seed: 1 });
    expect(trainTestSplit(X, range(40), { seed: 1 })).toEqual(a);
    expect(trainTestSplit(X, range(40), { seed: 2 }).testIndex).not.toEqual(a.testIndex);
    expectPartition(a.trainIndex, a.testIndex, 40);
  });

  it('without shuffle, tests on the last rows', () => {
    const split = trainTestSplit(rows(10), range(10), { testSize: 3, shuffle: false, seed: 5 });
    expect(split.trainIndex).toEqual(range(7));
    expect(split.testIndex).toEqual([7, 8, 9]);
  });

  it('splits row-valued y alongside X, copying the rows', () => {
    const X = rows(8);
    const y = range(8).map((i) => [i * 1.5, i % 2]);
    const split = trainTestSplit(X, y, { testSize: 0.25, seed: 3 });
    expect(split.yTest).toEqual(split.testIndex.map((i) => [i * 1.5, i % 2]));
    expect(split.yTrain).toEqual(split.trainIndex.map((i) => [i * 1.5, i % 2]));
    const first = split.testIndex[0] as number;
    expect(split.yTest[0]).not.toBe(y[first]);
    expect(split.XTest[0]).not.toBe(X[first]);
  });

  it('accepts missing values in X (impute after splitting)', () => {
    const X = [
      [1, Number.NaN],
      [2, 3],
      [Number.NaN, 4],
      [5, 6],
    ];
    const split = trainTestSplit(X, range(4), { testSize: 2, seed: 0 });
    expect(split.XTrain.length + split.XTest.length).toBe(4);
  });

  describe('stratified', () => {
    it('allocates each class its share of the test set, exactly', () => {
      // 50/30/20 with 25 test rows: quotas 12.5/7.5/5, the tie going to the lower class.
      const y = [...Array(50).fill(0), ...Array(30).fill(1), ...Array(20).fill(2)] as number[];
      const split = trainTestSplit(rows(100), y, { testSize: 0.25, stratify: true, seed: 4 });
      expect(split.testIndex.length).toBe(25);
      expect([0, 1, 2].map((k) => countOf(split.yTest, k))).toEqual([13, 7, 5]);
      expect([0, 1, 2].map((k) => countOf(split.yTrain, k))).toEqual([37, 23, 15]);
      expectPartition(split.trainIndex, split.testIndex, 100);
      expect(split.yTest).toEqual(split.testIndex.map((i) => y[i]));
    });

    it('keeps every class within one sample of its exact share', () => {
      const rng = new Random(11);
      const counts = [37, 23, 11, 2];
      const y = rng.shuffle(counts.flatMap((c, k) => Array(c).fill(k) as number[]));
      const n = y.length;
      for (const testSize of [0.1, 0.3, 0.5, 17]) {
        const split = trainTestSplit(rows(n), y, { testSize, stratify: true, seed: 9 });
        const nTest = split.testIndex.length;
        expect(nTest).toBe(testSize < 1 ? Math.ceil(testSize * n) : testSize);
        counts.forEach((c, k) => {
          expect(Math.abs(countOf(split.yTest, k) - (nTest * c) / n)).toBeLessThan(1);
        });
        expectPartition(split.trainIndex, split.testIndex, n);
      }
    });

    it('is deterministic for a seed, differs between seeds, and mixes the classes', () => {
      const y = range(60).map((i) => (i < 40 ? 0 : 1));
      const split = (seed: number) =>
        trainTestSplit(rows(60), y, { testSize: 0.5, stratify: true, seed });
      expect(split(1)).toEqual(split(1));
      expect(ascending(split(2).testIndex)).not.toEqual(ascending(split(1).testIndex));
      // Both lists are shuffled, not grouped by class.
      expect(split(1).testIndex).not.toEqual(ascending(split(1).testIndex));
    });

    it('needs class labels and shuffling', () => {
      const X = rows(4);
      expectDatasetError(
        () => trainTestSplit(X, [0, 1, 1.5, 0], { stratify: true }),
        'INVALID_LABEL',
        'y[2] = 1.5 is not a class label',
      );
      expectDatasetError(
        () => trainTestSplit(X, [[0], [1], [0], [1]], { stratify: true }),
        'INVALID_LABEL',
        'y[0]',
      );
      expectDatasetError(
        () => trainTestSplit(X, [0, 1, 0, 1], { stratify: true, shuffle: false }),
        'INVALID_OPTION',
        'stratify needs shuffle',
      );
    });
  });

  it('rejects bad input and options', () => {
    const X = rows(10);
    const y = range(10);
    for (const testSize of [0, 1.5, -1, Number.NaN, 2.5]) {
      expectDatasetError(
        () => trainTestSplit(X, y, { testSize }),
        'INVALID_OPTION',
        `testSize must be a fraction in (0, 1) or an integer count >= 1, got ${testSize}.`,
      );
    }
    // A count is checked against the rows there are.
    expectDatasetError(
      () => trainTestSplit(X, y, { testSize: 10 }),
      'INVALID_OPTION',
      'testSize must be a fraction in (0, 1) or an integer in [1, 9], got 10.',
    );
    expectDatasetError(
      () => trainTestSplit(X, y, { testSize: 0.95 }),
      'INVALID_OPTION',
      'all 10 rows',
    );
    expectDatasetError(
      () => trainTestSplit(X, range(9)),
      'SHAPE_MISMATCH',
      'y has 9 entries',
      'X has 10 rows',
    );
    expectDatasetError(() => trainTestSplit([[1]], [0]), 'EMPTY_DATA', 'at least 2 rows');
    expectDatasetError(() => trainTestSplit([], []), 'EMPTY_DATA');
    expectDatasetError(() => trainTestSplit([[1], [2, 3]], [0, 1]), 'SHAPE_MISMATCH', 'row 1');
    expectDatasetError(() => trainTestSplit(X, y, { seed: 0.5 }), 'INVALID_OPTION', 'seed');
    expectDatasetError(
      () => trainTestSplit(X, y, { shuffle: 'yes' } as unknown as TrainTestSplitOptions),
      'INVALID_OPTION',
      'shuffle must be true or false',
    );
    expectDatasetError(
      () => trainTestSplit(X, y, { test_size: 0.5 } as unknown as TrainTestSplitOptions),
      'UNKNOWN_OPTION',
      "Unknown option 'test_size' for trainTestSplit (did you mean 'testSize'?)",
    );
  });
});

describe('proportionalAllocation', () => {
  it('rounds by largest remainder so the total is exact', () => {
    expect(proportionalAllocation([50, 30, 20], 25)).toEqual([13, 7, 5]);
    expect(proportionalAllocation([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(proportionalAllocation([2, 7], 3)).toEqual([1, 2]); // quotas 0.67, 2.33
    expect(proportionalAllocation([0, 4], 2)).toEqual([0, 2]);
    const shares = proportionalAllocation([37, 23, 11, 2], 22);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(22);
  });
});
