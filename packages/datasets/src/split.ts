import { DatasetError } from './errors.js';
import { checkLabels, checkShape, type Matrix } from './matrix.js';
import { booleanOption, integerOption, readOptions, seedOption } from './options.js';
import { Random } from './random.js';

export interface TrainTestSplitOptions {
  /**
   * A fraction in (0, 1) (nTest = ceil(testSize * n), as scikit-learn) or an integer count in
   * [1, n-1]. Note 1 means one row, not 100%. Default 0.2.
   */
  testSize?: number;
  /** Default 0. */
  seed?: number;
  /** Keep each class's share the same in train and test (y must be class labels). Default false. */
  stratify?: boolean;
  /** false: train = the first rows, test = the last (as scikit-learn). Default true. */
  shuffle?: boolean;
}

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

const SPLIT_OPTIONS = ['testSize', 'seed', 'stratify', 'shuffle'] as const;

/** A seeded random permutation of 0..n-1 (the one `trainTestSplit` and `kFold` use). */
export function shuffledIndices(n: number, seed = 0): number[] {
  integerOption('shuffledIndices', 'n', n, 0, 0);
  return new Random(seedOption('shuffledIndices', seed)).permutation(n);
}

function testCount(testSize: unknown, n: number): number {
  const where = 'trainTestSplit';
  const size = testSize === undefined ? 0.2 : testSize;
  if (typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= n - 1) {
    return size;
  }
  if (typeof size === 'number' && size > 0 && size < 1) {
    const nTest = Math.ceil(size * n);
    if (nTest >= n) {
      throw new DatasetError(
        'INVALID_OPTION',
        `${where}: testSize = ${size} puts all ${n} rows in the test set.`,
      );
    }
    return nTest;
  }
  throw new DatasetError(
    'INVALID_OPTION',
    `${where}: testSize must be a fraction in (0, 1) or an integer in [1, ${n - 1}], got ${String(size)}.`,
  );
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
  const opts = readOptions(options, SPLIT_OPTIONS, where);
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
  const nTest = testCount(opts.testSize, n);
  const seed = seedOption(where, opts.seed);
  const stratify = booleanOption(where, 'stratify', opts.stratify, false);
  const shuffle = booleanOption(where, 'shuffle', opts.shuffle, true);

  let trainIndex: number[];
  let testIndex: number[];
  if (stratify) {
    if (!shuffle) {
      throw new DatasetError(
        'INVALID_OPTION',
        `${where}: stratify needs shuffle = true (an unshuffled split cannot balance classes).`,
      );
    }
    const rng = new Random(seed);
    const test = stratifiedTestIndex(y as readonly unknown[] as readonly number[], nTest, rng);
    testIndex = rng.shuffle([...test]);
    trainIndex = rng.shuffle(Array.from({ length: n }, (_, i) => i).filter((i) => !test.has(i)));
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
