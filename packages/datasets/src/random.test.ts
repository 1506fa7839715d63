import { describe, expect, it } from 'vitest';
import { mulberry32, Random } from './random.js';

describe('mulberry32', () => {
  it('is pinned: changing it would silently change every case input', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it('repeats for one seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const fromA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(fromA);
    expect([c(), c(), c()]).not.toEqual(fromA);
  });
});

describe('Random', () => {
  it('draws uniforms in [0, 1) and integers in [lo, hi]', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const u = rng.float();
      expect(u >= 0 && u < 1).toBe(true);
      const k = rng.int(-2, 2);
      expect(Number.isInteger(k) && k >= -2 && k <= 2).toBe(true);
    }
  });

  it('draws normals with mean about 0 and variance about 1', () => {
    const rng = new Random(2);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    // Standard errors: 1/sqrt(n) = 0.007 for the mean, sqrt(2/n) = 0.01 for the variance.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('permutes', () => {
    const perm = new Random(3).permutation(50);
    expect([...perm].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(perm).not.toEqual([...perm].sort((a, b) => a - b));
  });

  it('shuffles in place, seeded, and takes only integer seeds', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const shuffled = new Random(4).shuffle([...items]);
    expect([...shuffled].sort()).toEqual(items);
    expect(new Random(4).shuffle([...items])).toEqual(shuffled);
    expect(() => new Random(0.5)).toThrow(/A seed must be an integer, got 0.5/);
  });
});
