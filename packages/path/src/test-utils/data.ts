import { Random } from '@lassonet/core';

/** Standard normal features, n × d. */
export function normalMatrix(random: Random, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

/**
 * Standard normal features, and each row's target made from its linear predictor beta·x (with
 * the same random stream, after the features).
 */
function fromLinearPredictor<Y>(
  beta: readonly number[],
  n: number,
  seed: number,
  target: (eta: number, random: Random) => Y,
): { X: number[][]; y: Y[] } {
  const random = new Random(seed);
  const X = normalMatrix(random, n, beta.length);
  const y = X.map((row) =>
    target(
      row.reduce((s, x, j) => s + x * (beta[j] as number), 0),
      random,
    ),
  );
  return { X, y };
}

/** y = X·beta + noise·N(0, 1) on standard normal features. */
export function linearData(
  beta: readonly number[],
  { n = 200, noise = 0.1, seed = 0 } = {},
): { X: number[][]; y: number[] } {
  return fromLinearPredictor(beta, n, seed, (eta, random) => eta + noise * random.normal());
}

/**
 * Cox data: the hazard is exp(beta·x), times exponential with that rate, censored by an
 * independent exponential (about a third of rows censored). y rows are [duration, event].
 */
export function survivalData(
  beta: readonly number[],
  { n = 150, seed = 0 } = {},
): { X: number[][]; y: number[][] } {
  return fromLinearPredictor(beta, n, seed, (eta, random) => {
    const time = -Math.log(1 - random.float()) / Math.exp(eta);
    const censor = -Math.log(1 - random.float()) / 0.5;
    return time <= censor ? [time, 1] : [censor, 0];
  });
}

const INSPECTIONS = [0.25, 0.5, 1, 2, 4];

/**
 * Interval-censored data: log T = beta·x + 0.3·N(0, 1), observed at inspection times: left
 * censored before the first, right censored after the last, else between two inspections.
 * y rows are [u, v, d1, d2, d3].
 */
export function intervalData(
  beta: readonly number[],
  { n = 150, seed = 0 } = {},
): { X: number[][]; y: number[][] } {
  return fromLinearPredictor(beta, n, seed, (eta, random) => {
    const t = Math.exp(eta + 0.3 * random.normal());
    const first = INSPECTIONS[0] as number;
    const last = INSPECTIONS[INSPECTIONS.length - 1] as number;
    if (t <= first) return [first, first, 1, 0, 0];
    if (t > last) return [last, last, 0, 0, 1];
    const k = INSPECTIONS.findIndex((s) => t <= s);
    return [INSPECTIONS[k - 1] as number, INSPECTIONS[k] as number, 0, 1, 0];
  });
}
