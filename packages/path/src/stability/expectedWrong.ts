/**
 * The expected number of wrong selections each feature brings (Meinshausen and Bühlmann's
 * bound, as LassoNet applies it): with `q_t` the mean selection probability over the d features
 * at step t, a feature selected with probability p > 1/2 at step t costs d · q_t² / (2p − 1),
 * and Infinity when p <= 1/2. Each feature keeps its lowest cost over the steps.
 */
export function expectedWrong(prob: readonly (readonly number[])[]): number[] {
  const d = prob[0]?.length ?? 0;
  const best = new Array<number>(d).fill(Number.POSITIVE_INFINITY);
  for (const row of prob) {
    const q = row.reduce((sum, p) => sum + p, 0) / d;
    row.forEach((p, j) => {
      if (p <= 0.5) return;
      const wrong = (d * q * q) / (2 * p - 1);
      if (wrong < (best[j] as number)) best[j] = wrong;
    });
  }
  return best;
}
