import {
  booleanOption,
  numberOption,
  type OptionsInput,
  parseOptions,
  Random,
} from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from './errors.js';
import { checkLabels } from './matrix.js';
import { seedOption } from './seed.js';
import { checkCount, shuffledIndices } from './split.js';

const kFoldSchema = v.strictObject({
  /** Number of folds, 2 <= k <= n. Default 5. */
  k: v.optional(numberOption({ integer: true, min: 2 }), 5),
  /** Shuffle before assigning folds; false keeps the given order. Default true. */
  shuffle: v.optional(booleanOption(), true),
  /** Default 0. */
  seed: seedOption(),
});

export type KFoldOptions = OptionsInput<typeof kFoldSchema>;

/** One fold: both index lists ascending; together they hold 0..n-1 once each. */
export interface Fold {
  trainIndex: number[];
  testIndex: number[];
}

function readKFoldOptions(
  options: KFoldOptions | undefined,
  n: number,
  where: string,
): v.InferOutput<typeof kFoldSchema> {
  const parsed = parseOptions(kFoldSchema, options, where, DatasetError);
  if (parsed.k > n) {
    throw new DatasetError(
      'INVALID_OPTION',
      `${where}: k = ${parsed.k} folds need at least ${parsed.k} samples, got ${n}.`,
    );
  }
  return parsed;
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
  checkCount(n, where);
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
