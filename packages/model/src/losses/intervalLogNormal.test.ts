import { describe, expect, it } from 'vitest';
import { intervalData, intervalLossAndGradient } from './intervalLogNormal.js';

const ROWS = [
  [2, 2, 1, 0, 0], // left-censored: T <= 2
  [1, 3, 0, 1, 0], // in (1, 3]
  [0, 0.5, 0, 1, 0], // in (0, 0.5]: left-censored in effect
  [4, Number.POSITIVE_INFINITY, 0, 1, 0], // in (4, ∞): right-censored in effect
  [1.5, 1.5, 0, 0, 1], // right-censored: T > 1.5
  [0.7, 0.7, 0, 1, 0], // an exact time
];

function lossAt(mu: number[], logSigma: number): number {
  return intervalLossAndGradient(intervalData(ROWS), mu, logSigma, new Float64Array(mu.length))
    .loss;
}

describe('interval-censored log-normal loss', () => {
  it('has the gradient of central finite differences, for mu and log(sigma)', () => {
    for (const [mu, logSigma] of [
      [[0.1, -0.4, 0.3, 1.2, -0.2, 0.5], 0.2],
      [[3, -3, 2, -2, 4, 0], -1],
      // Far in the tails: z near ±30.
      [[-20, 25, 15, -25, 30, -10], -0.5],
    ] as [number[], number][]) {
      const grad = new Float64Array(mu.length);
      const { gradLogSigma } = intervalLossAndGradient(intervalData(ROWS), mu, logSigma, grad);
      const h = 1e-6;
      mu.forEach((_, i) => {
        const up = [...mu];
        const down = [...mu];
        up[i] = (up[i] as number) + h;
        down[i] = (down[i] as number) - h;
        const fd = (lossAt(up, logSigma) - lossAt(down, logSigma)) / (2 * h);
        expect(grad[i]).toBeCloseTo(fd, 5);
      });
      const fdSigma = (lossAt(mu, logSigma + h) - lossAt(mu, logSigma - h)) / (2 * h);
      expect(gradLogSigma).toBeCloseTo(fdSigma, 4);
      expect(Number.isFinite(lossAt(mu, logSigma))).toBe(true);
    }
  });

  it('is the negative log-likelihood of the log-normal model', () => {
    const mu = 0.3;
    const sigma = 0.8;
    const Phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    const z = (t: number) => (Math.log(t) - mu) / sigma;
    const likelihoods = [
      Phi(z(2)),
      Phi(z(3)) - Phi(z(1)),
      Phi(z(0.5)),
      1 - Phi(z(4)),
      1 - Phi(z(1.5)),
      Math.exp(-0.5 * z(0.7) ** 2) / Math.sqrt(2 * Math.PI) / (sigma * 0.7),
    ];
    const expected = -likelihoods.reduce((s, p) => s + Math.log(p), 0) / ROWS.length;
    expect(lossAt(Array(6).fill(mu), Math.log(sigma))).toBeCloseTo(expected, 6);
  });
});

/** Abramowitz and Stegun 7.1.26 (error < 1.5e-7): an independent, rougher erf. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
