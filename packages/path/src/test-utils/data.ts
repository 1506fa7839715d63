import { Random } from '@lassonet/datasets';

/** Standard normal features, n × d. */
export function normalMatrix(random: Random, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

/** y = X·beta + noise·N(0, 1) on standard normal features. */
export function linearData(
  beta: readonly number[],
  { n = 200, noise = 0.1, seed = 0 } = {},
): { X: number[][]; y: number[] } {
  const random = new Random(seed);
  const X = normalMatrix(random, n, beta.length);
  const y = X.map((row) =>
    row.reduce((s, x, j) => s + x * (beta[j] as number), noise * random.normal()),
  );
  return { X, y };
}

/**
 * Cox data: the hazard is exp(beta·x), times exponential with that rate, censored by an
 * independent exponential (about a third of rows censored). y rows are [duration, event].
 */
export function survivalData(
  beta: readonly number[],
  { n = 150, seed = 0 } = {},
): { X: number[][]; y: number[][] } {
  const random = new Random(seed);
  const X = normalMatrix(random, n, beta.length);
  const y = X.map((row) => {
    const rate = Math.exp(row.reduce((s, x, j) => s + x * (beta[j] as number), 0));
    const time = -Math.log(1 - random.float()) / rate;
    const censor = -Math.log(1 - random.float()) / 0.5;
    return time <= censor ? [time, 1] : [censor, 0];
  });
  return { X, y };
}

/**
 * Interval-censored data: log T = beta·x + 0.3·N(0, 1), observed at inspection times: left
 * censored before the first, right censored after the last, else between two inspections.
 * y rows are [u, v, d1, d2, d3].
 */
export function intervalData(
  beta: readonly number[],
  { n = 150, seed = 0 } = {},
): { X: number[][]; y: number[][] } {
  const random = new Random(seed);
  const X = normalMatrix(random, n, beta.length);
  const inspections = [0.25, 0.5, 1, 2, 4];
  const y = X.map((row) => {
    const t = Math.exp(row.reduce((s, x, j) => s + x * (beta[j] as number), 0.3 * random.normal()));
    const first = inspections[0] as number;
    const last = inspections[inspections.length - 1] as number;
    if (t <= first) return [first, first, 1, 0, 0];
    if (t > last) return [last, last, 0, 0, 1];
    const k = inspections.findIndex((s) => t <= s);
    return [inspections[k - 1] as number, inspections[k] as number, 0, 1, 0];
  });
  return { X, y };
}
