import {
  booleanOption,
  numberOption,
  type OptionsInput,
  parseOptions,
  Random,
} from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from './errors.js';
import { checkLabels, checkShape, type Matrix } from './matrix.js';
import { seedOption } from './seed.js';

const TEST_SIZE = 'must be a fraction in (0, 1) or an integer count >= 1';

/** `testSize`: a fraction in (0, 1) or a row count; whether it fits n is checked per call. */
export const testSizeOption = v.optional(
  v.pipe(
    v.number(TEST_SIZE),
    v.check((x) => (x > 0 && x < 1) || (Number.isInteger(x) && x >= 1), TEST_SIZE),
  ),
  0.2,
);

const trainTestSplitSchema = v.strictObject({
  /**
   * A fraction in (0, 1) (nTest = ceil(testSize * n), as scikit-learn) or an integer count in
   * [1, n-1]. Note 1 means one row, not 100%. Default 0.2.
   */
  testSize: testSizeOption,
  /** Default 0. */
  seed: seedOption(),
  /** Keep each class's share the same in train and test (y must be class labels). Default false. */
  stratify: v.optional(booleanOption(), false),
  /** false: train = the first rows, test = the last (as scikit-learn). Default true. */
  shuffle: v.optional(booleanOption(), true),
});

export type TrainTestSplitOptions = OptionsInput<typeof trainTestSplitSchema>;

export interface TrainTestSplit<T> {
  XTrain: number[][];
  XTest: number[][];
  yTrain: T[];
  yTest: T[];
  /** Row numbers in X of XTrain, in the same order. */
  trainIndex: number[];
  /** Row numbers in X of XTest, in the same order. */
  testIndex: number[];
}

// Positional arguments are checked like options, so their errors read the same.
const countSchema = v.strictObject({ n: numberOption({ integer: true, min: 0 }) });
const shuffledIndicesSchema = v.strictObject({ ...countSchema.entries, seed: seedOption() });

/** Checks a sample count `n` given to `where`. */
export function checkCount(n: number, where: string): void {
  parseOptions(countSchema, { n }, where, DatasetError);
}

/** A seeded random permutation of 0..n-1 (the one `trainTestSplit` and `kFold` use). */
export function shuffledIndices(n: number, seed = 0): number[] {
  parseOptions(shuffledIndicesSchema, { n, seed }, 'shuffledIndices', DatasetError);
  return new Random(seed).permutation(n);
}

/** How many of n rows a testSize (already checked by the schema) puts in the test set. */
function testCount(size: number, n: number, where: string): number {
  if (size >= 1) {
    if (size <= n - 1) return size;
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: testSize must be a fraction in (0, 1) or an integer in [1, ${n - 1}], got ${size}.`,
    );
  }
  const nTest = Math.ceil(size * n);
  if (nTest >= n) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: testSize = ${size} puts all ${n} rows in the test set.`,
    );
  }
  return nTest;
}

/**
 * Splits the largest-remainder way: `total` items over groups of sizes `counts`, each share
 * proportional, the floors topped up by the largest fractional parts (ties: lower group).
 */
export function proportionalAllocation(counts: readonly number[], total: number): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const quotas = counts.map((c) => (n === 0 ? 0 : (total * c) / n));
  const shares = quotas.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, k) => ({ k, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (const { k } of order) {
    if (left === 0) break;
    shares[k] = (shares[k] as number) + 1;
    left--;
  }
  return shares;
}

function stratifiedTestIndex(y: readonly number[], nTest: number, rng: Random): Set<number> {
  const nClasses = checkLabels(y, y.length);
  const members: number[][] = Array.from({ length: nClasses }, () => []);
  y.forEach((label, i) => {
    (members[label] as number[]).push(i);
  });
  const shares = proportionalAllocation(
    members.map((m) => m.length),
    nTest,
  );
  const test = new Set<number>();
  members.forEach((m, k) => {
    for (const i of rng.shuffle(m).slice(0, shares[k])) test.add(i);
  });
  return test;
}

/**
 * Splits rows of `X` and entries of `y` into a training and a test set. Without `stratify`
 * the test set is the first nTest entries of `shuffledIndices(n, seed)` and the training set
 * the rest, both in that order. With `stratify` each class contributes its proportional share
 * of the test set (largest-remainder rounding, so sizes are exact), and both sets are then
 * shuffled. Rows of X (and array entries of y) are copied.
 */
export function trainTestSplit<T>(
  X: Matrix,
  y: readonly T[],
  options?: TrainTestSplitOptions,
): TrainTestSplit<T> {
  const where = 'trainTestSplit';
  const { testSize, seed, stratify, shuffle } = parseOptions(
    trainTestSplitSchema,
    options,
    where,
    DatasetError,
  );
  const { nRows: n } = checkShape(X);
  if (!Array.isArray(y as unknown) || y.length !== n) {
    throw new DatasetError(
      'SHAPE_MISMATCH',
      `${where}: y has ${Array.isArray(y as unknown) ? y.length : 'no'} entries, but X has ${n} rows.`,
    );
  }
  if (n < 2) {
    throw new DatasetError('EMPTY_DATA', `${where}: needs at least 2 rows to split, got ${n}.`);
  }
  const nTest = testCount(testSize, n, where);

  let trainIndex: number[];
  let testIndex: number[];
  if (stratify) {
    if (!shuffle) {
      throw new DatasetError(
        'INVALID_OPTION',
        `${where}: stratify needs shuffle = true (an unshuffled split cannot balance classes).`,
      );
    }
    // One stream per purpose: which rows are held out, and the order of each part.
    const [choice, testOrder, trainOrder] = Random.streams(seed, 3) as [Random, Random, Random];
    const test = stratifiedTestIndex(y as readonly unknown[] as readonly number[], nTest, choice);
    testIndex = testOrder.shuffle([...test]);
    trainIndex = trainOrder.shuffle(
      Array.from({ length: n }, (_, i) => i).filter((i) => !test.has(i)),
    );
  } else if (shuffle) {
    const order = shuffledIndices(n, seed);
    testIndex = order.slice(0, nTest);
    trainIndex = order.slice(nTest);
  } else {
    trainIndex = Array.from({ length: n - nTest }, (_, i) => i);
    testIndex = Array.from({ length: nTest }, (_, i) => n - nTest + i);
  }

  const row = (i: number): number[] => [...(X[i] as readonly number[])];
  const label = (i: number): T => {
    const v = y[i] as T;
    return (Array.isArray(v) ? [...v] : v) as T;
  };
  return {
    XTrain: trainIndex.map(row),
    XTest: testIndex.map(row),
    yTrain: trainIndex.map(label),
    yTest: testIndex.map(label),
    trainIndex,
    testIndex,
  };
}
