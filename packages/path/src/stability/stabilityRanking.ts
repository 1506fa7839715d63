/** The features ranked by stability, and how many of them to keep. */
export interface StabilityRanking {
  /** The features by expected wrong selections, ascending (ties by index): the most stable first. */
  order: number[];
  /** wrong[k]: the k-th smallest expected number of wrong selections, that of feature order[k]. */
  wrong: number[];
  /** The number of features to keep: the first `oracle` of `order`. */
  oracle: number;
}

/**
 * Ranks the features by their expected wrong selections and picks how many to keep: none when
 * even the most stable one expects more than 1/2 wrong selection, else up to the largest jump
 * wrong[k + 1] / wrong[k] (the first when several tie). A ratio of two infinities says nothing
 * and is skipped; a ratio over 0 is Infinity, a jump like any other. With no ratio to go by
 * (a single feature, or every one at 0) all the features are kept.
 */
export function stabilityRanking(expectedWrong: readonly number[]): StabilityRanking {
  const w = (j: number) => expectedWrong[j] as number;
  const order = expectedWrong
    .map((_, j) => j)
    .sort((a, b) => (w(a) < w(b) ? -1 : w(a) > w(b) ? 1 : a - b));
  const wrong = order.map(w);
  const d = wrong.length;
  if (d === 0 || (wrong[0] as number) > 0.5) return { order, wrong, oracle: 0 };
  let oracle = d;
  let largest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k + 1 < d; k++) {
    const ratio = (wrong[k + 1] as number) / (wrong[k] as number);
    if (!Number.isNaN(ratio) && ratio > largest) {
      largest = ratio;
      oracle = k + 1;
    }
  }
  return { order, wrong, oracle };
}
