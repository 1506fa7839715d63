/**
 * The common penalty grid of cross-validation (docs/method.md, "Cross-validation"): from the
 * smallest first lambda after the dense model over the folds to the largest last lambda, geometric
 * by `pathMultiplier`. `foldLambdas[f]` are fold f's step lambdas, the dense model (lambda 0)
 * first; every fold needs at least one lambda after it.
 */
export function lambdaGrid(
  foldLambdas: readonly (readonly number[])[],
  pathMultiplier: number,
): number[] {
  const lower = Math.min(...foldLambdas.map((lambdas) => lambdas[1] as number));
  const upper = Math.max(...foldLambdas.map((lambdas) => lambdas[lambdas.length - 1] as number));
  const grid: number[] = [];
  // Repeated multiplication, as the paths compute their own lambdas.
  for (let lambda = lower; lambda <= upper; lambda *= pathMultiplier) grid.push(lambda);
  return grid;
}

/**
 * Values known at the increasing penalties `xs`, read at `at`: linear in log lambda between
 * neighbours, the end values outside [xs[0], xs[last]] (numpy's interp on the logs).
 */
export function interpolateLogLambda(
  at: readonly number[],
  xs: readonly number[],
  values: readonly number[],
): number[] {
  const logs = xs.map(Math.log);
  const last = logs.length - 1;
  return at.map((lambda) => {
    const x = Math.log(lambda);
    if (x <= (logs[0] as number)) return values[0] as number;
    if (x >= (logs[last] as number)) return values[last] as number;
    // The first neighbour strictly above x: equal penalties never make a zero-width segment.
    let j = 1;
    while ((logs[j] as number) <= x) j++;
    const x0 = logs[j - 1] as number;
    const x1 = logs[j] as number;
    const v0 = values[j - 1] as number;
    const v1 = values[j] as number;
    return v0 + ((x - x0) / (x1 - x0)) * (v1 - v0);
  });
}

/**
 * A step function of the penalty read at `at`: the value of the last of the increasing `xs` at
 * or below each point, or the first value when every x is above it.
 */
export function stepValuesAt(
  at: readonly number[],
  xs: readonly number[],
  values: readonly number[],
): number[] {
  return at.map((lambda) => {
    let k = 0;
    while (k + 1 < xs.length && (xs[k + 1] as number) <= lambda) k++;
    return values[k] as number;
  });
}

/** The index of the largest value, the first on ties; NaN never wins. -1 when every value is NaN. */
export function argmaxFirst(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!Number.isNaN(v) && (best < 0 || v > (values[best] as number))) best = i;
  });
  return best;
}

/** The mean of each column of `rows` (all of one length). */
export function columnMeans(rows: readonly (readonly number[])[]): number[] {
  const width = rows[0]?.length ?? 0;
  return Array.from(
    { length: width },
    (_, i) => rows.reduce((sum, row) => sum + (row[i] as number), 0) / rows.length,
  );
}
