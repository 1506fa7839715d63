import { describe, expect, it } from 'vitest';
import { logCdf, logCdfDiff, logPdf } from './normal.js';

// Mills' asymptotic series: log Φ(x) for x → -∞, an independent check in the far tail.
const tail = (x: number) =>
  logPdf(x) - Math.log(-x) + Math.log(1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6 + 105 / x ** 8);

describe('log Φ', () => {
  it('matches tabulated values of Φ', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [-1, 0.15865525393145707],
      [1.96, 0.9750021048517795],
      [-3, 0.0013498980316300946],
      [-2.5, 0.006209665325776132],
      [-10, 7.619853024160527e-24],
    ];
    for (const [x, p] of table) expect(logCdf(x)).toBeCloseTo(Math.log(p), 12);
  });

  it('stays finite and accurate far in both tails', () => {
    for (const x of [-20, -40, -300, -1e4]) {
      expect(Math.abs(logCdf(x) / tail(x) - 1)).toBeLessThan(1e-12);
    }
    // Φ(8) = 1 - 6.22e-16: log Φ(8) ≈ -Φ(-8).
    expect(logCdf(8) / -Math.exp(logCdf(-8))).toBeCloseTo(1, 10);
    expect(logCdf(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(logCdf(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    const edge = -1.5 * Math.SQRT2;
    expect(Math.abs(logCdf(edge - 1e-12) - logCdf(edge + 1e-12))).toBeLessThan(1e-11);
  });
});

describe('log(Φ(b) - Φ(a))', () => {
  it('agrees with the direct difference where that is accurate', () => {
    for (const [a, b] of [
      [-1, 1],
      [-0.5, 2],
      [0.2, 0.3],
      [-3, -2],
    ] as const) {
      const direct = Math.log(Math.exp(logCdf(b)) - Math.exp(logCdf(a)));
      expect(logCdfDiff(a, b)).toBeCloseTo(direct, 10);
    }
  });

  it('keeps precision in the tails, where the direct difference cancels to 0', () => {
    // Both far in the upper tail: Φ(31) - Φ(30) ≈ Φ(-30).
    expect(logCdfDiff(30, 31) / logCdf(-30)).toBeCloseTo(1, 8);
    expect(logCdfDiff(-31, -30) / logCdf(-30)).toBeCloseTo(1, 8);
    expect(Number.isFinite(logCdfDiff(100, 100.5))).toBe(true);
    expect(logCdfDiff(Number.NEGATIVE_INFINITY, 0)).toBeCloseTo(Math.log(0.5), 14);
    expect(logCdfDiff(0, Number.POSITIVE_INFINITY)).toBeCloseTo(Math.log(0.5), 14);
  });
});
