import { DatasetError } from './errors.js';
import { checkLabels } from './matrix.js';
import { booleanOption, integerOption, readOptions, seedOption } from './options.js';
import { Random } from './random.js';
import { shuffledIndices } from './split.js';

export interface KFoldOptions {
  /** Number of folds, 2 <= k <= n. Default 5. */
  k?: number;
  /** Shuffle before assigning folds; false keeps the given order. Default true. */
  shuffle?: boolean;
  /** Default 0. */
  seed?: number;
}

/** One fold: both index lists ascending; together they hold 0..n-1 once each. */
export interface Fold {
  trainIndex: number[];
  testIndex: number[];
}

const KFOLD_OPTIONS = ['k', 'shuffle', 'seed'] as const;

function readKFoldOptions(
  options: KFoldOptions | undefined,
  n: number,
  where: string,
): { k: number; shuffle: boolean; seed: number } {
  const opts = readOptions(options, KFOLD_OPTIONS, where);
  const k = integerOption(where, 'k', opts.k, 5, 2);
  if (k > n) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: k = ${k} folds need at least ${k} samples, got ${n}.`,
    );
  }
  return {
    k,
    shuffle: booleanOption(where, 'shuffle', opts.shuffle, true),
    seed: seedOption(where, opts.seed),
  };
}

/** Folds from each index's fold number. */
function foldsFrom(foldOf: readonly number[], k: number): Fold[] {
  return Array.from({ length: k }, (_, f) => {
    const fold: Fold = { trainIndex: [], testIndex: [] };
    foldOf.forEach((g, i) => {
      (g === f ? fold.testIndex : fold.trainIndex).push(i);
    });
    return fold;
  });
}

/**
 * k-fold cross-validation over n samples: the (optionally shuffled) order is cut into k
 * consecutive folds, the first n % k one larger (as scikit-learn).
 */
export function kFold(n: number, options?: KFoldOptions): Fold[] {
  const where = 'kFold';
  integerOption(where, 'n', n, 0, 0);
  const { k, shuffle, seed } = readKFoldOptions(options, n, where);
  const order = shuffle ? shuffledIndices(n, seed) : Array.from({ length: n }, (_, i) => i);
  const foldOf: number[] = new Array<number>(n);
  const small = Math.floor(n / k);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = small + (f < n % k ? 1 : 0);
    for (let t = 0; t < size; t++) foldOf[order[pos++] as number] = f;
  }
  return foldsFrom(foldOf, k);
}

/**
 * k-fold cross-validation that keeps class shares: within each class (shuffled if asked)
 * members are dealt to folds round-robin, the fold counter running on across classes, so
 * each class splits as evenly as possible and fold sizes still differ by at most one (the
 * first n % k folds one larger).
 */
export function stratifiedKFold(y: readonly number[], options?: KFoldOptions): Fold[] {
  const where = 'stratifiedKFold';
  const nClasses = checkLabels(y, Array.isArray(y as unknown) ? y.length : 0);
  const n = y.length;
  const { k, shuffle, seed } = readKFoldOptions(options, n, where);
  const rng = new Random(seed);
  const members: number[][] = Array.from({ length: nClasses }, () => []);
  y.forEach((label, i) => {
    (members[label] as number[]).push(i);
  });
  const foldOf: number[] = new Array<number>(n);
  let counter = 0;
  for (const m of members) {
    if (shuffle) rng.shuffle(m);
    for (const i of m) foldOf[i] = counter++ % k;
  }
  return foldsFrom(foldOf, k);
}
