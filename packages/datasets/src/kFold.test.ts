import { Random } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import { type Fold, type KFoldOptions, kFold, stratifiedKFold } from './kFold.js';
import { shuffledIndices } from './split.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const ascending = (a: readonly number[]): number[] => [...a].sort((p, q) => p - q);

/** Every index in exactly one test fold; train is the ascending complement. */
function expectFolds(folds: Fold[], n: number, k: number): void {
  expect(folds.length).toBe(k);
  expect(ascending(folds.flatMap((f) => f.testIndex))).toEqual(range(n));
  for (const { trainIndex, testIndex } of folds) {
    expect(testIndex).toEqual(ascending(testIndex));
    const test = new Set(testIndex);
    expect(trainIndex).toEqual(range(n).filter((i) => !test.has(i)));
  }
  // The first n % k folds are one larger.
  expect(folds.map((f) => f.testIndex.length)).toEqual(
    range(k).map((f) => Math.floor(n / k) + (f < n % k ? 1 : 0)),
  );
}

describe('kFold', () => {
  it('cuts the unshuffled order into consecutive folds', () => {
    expect(kFold(7, { k: 3, shuffle: false }).map((f) => f.testIndex)).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(kFold(4, { k: 2, shuffle: false })).toEqual([
      { trainIndex: [2, 3], testIndex: [0, 1] },
      { trainIndex: [0, 1], testIndex: [2, 3] },
    ]);
  });

  it('cuts the seeded permutation when shuffling', () => {
    const order = shuffledIndices(10, 4);
    const folds = kFold(10, { k: 3, seed: 4 });
    expect(folds.map((f) => f.testIndex)).toEqual([
      ascending(order.slice(0, 4)),
      ascending(order.slice(4, 7)),
      ascending(order.slice(7)),
    ]);
  });

  it('partitions for many sizes', () => {
    for (const [n, k] of [
      [10, 3],
      [10, 10],
      [23, 5],
      [5, 2],
      [2, 2],
    ] as const) {
      expectFolds(kFold(n, { k, seed: n }), n, k);
      expectFolds(kFold(n, { k, shuffle: false }), n, k);
    }
    expectFolds(kFold(12), 12, 5);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(kFold(30, { seed: 1 })).toEqual(kFold(30, { seed: 1 }));
    expect(kFold(30, { seed: 1 })).not.toEqual(kFold(30, { seed: 2 }));
    expect(kFold(30)).toEqual(kFold(30, { seed: 0 }));
  });

  it('rejects bad k, n and options', () => {
    expectDatasetError(
      () => kFold(10, { k: 1 }),
      'INVALID_OPTION',
      'kFold: k must be an integer >= 2, got 1',
    );
    expectDatasetError(() => kFold(10, { k: 2.5 }), 'INVALID_OPTION', 'got 2.5');
    expectDatasetError(
      () => kFold(4, { k: 5 }),
      'INVALID_OPTION',
      'k = 5 folds need at least 5 samples, got 4',
    );
    expectDatasetError(() => kFold(4), 'INVALID_OPTION', 'k = 5');
    expectDatasetError(() => kFold(-3, { k: 2 }), 'INVALID_OPTION', 'n must be an integer >= 0');
    expectDatasetError(() => kFold(10, { seed: Number.NaN }), 'INVALID_OPTION', 'seed');
    expectDatasetError(
      () => kFold(10, { folds: 3 } as unknown as KFoldOptions),
      'UNKNOWN_OPTION',
      "'folds'",
      'for kFold',
    );
  });
});

describe('stratifiedKFold', () => {
  it('deals each class round-robin, the counter running across classes', () => {
    // Class 0 (0, 2, 4) goes to folds 0, 1, 0; class 1 (1, 3, 5, 6) to folds 1, 0, 1, 0.
    const folds = stratifiedKFold([0, 1, 0, 1, 0, 1, 1], { k: 2, shuffle: false });
    expect(folds).toEqual([
      { trainIndex: [1, 2, 5], testIndex: [0, 3, 4, 6] },
      { trainIndex: [0, 3, 4, 6], testIndex: [1, 2, 5] },
    ]);
  });

  it('spreads every class as evenly as possible with balanced fold sizes', () => {
    const counts = [10, 5, 7, 1];
    const y = new Random(3).shuffle(counts.flatMap((c, label) => Array(c).fill(label) as number[]));
    for (const k of [2, 3, 5]) {
      const folds = stratifiedKFold(y, { k, seed: 8 });
      expectFolds(folds, y.length, k);
      counts.forEach((c, label) => {
        for (const { testIndex } of folds) {
          const inFold = testIndex.filter((i) => y[i] === label).length;
          expect(inFold).toBeGreaterThanOrEqual(Math.floor(c / k));
          expect(inFold).toBeLessThanOrEqual(Math.ceil(c / k));
        }
      });
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const y = range(40).map((i) => i % 3);
    expect(stratifiedKFold(y, { seed: 5 })).toEqual(stratifiedKFold(y, { seed: 5 }));
    expect(stratifiedKFold(y, { seed: 5 })).not.toEqual(stratifiedKFold(y, { seed: 6 }));
    expect(stratifiedKFold(y, { seed: 5 })).not.toEqual(stratifiedKFold(y, { shuffle: false }));
  });

  it('rejects bad labels, k and options', () => {
    expectDatasetError(
      () => stratifiedKFold([0, 1, 0.5, 1], { k: 2 }),
      'INVALID_LABEL',
      'y[2] = 0.5',
    );
    expectDatasetError(() => stratifiedKFold([], { k: 2 }), 'EMPTY_DATA');
    expectDatasetError(() => stratifiedKFold([0, 1, 0], { k: 4 }), 'INVALID_OPTION', 'got 3');
    expectDatasetError(() => stratifiedKFold([0, 1, 0], { k: 1 }), 'INVALID_OPTION', 'k must be');
    expectDatasetError(
      () => stratifiedKFold([0, 1], { K: 2 } as unknown as KFoldOptions),
      'UNKNOWN_OPTION',
      'stratifiedKFold',
    );
  });
});
