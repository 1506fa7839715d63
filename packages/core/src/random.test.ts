import { describe, expect, it } from 'vitest';
import { LassoNetError } from './errors.js';
import { Random } from './random.js';

const draw = (r: Random, n: number) => Array.from({ length: n }, () => r.float());

describe('Random', () => {
  it('repeats a sequence for a seed and differs between seeds', () => {
    expect(draw(new Random(7), 20)).toEqual(draw(new Random(7), 20));
    expect(draw(new Random(7), 20)).not.toEqual(draw(new Random(8), 20));
  });

  it('gives streams of one seed that do not overlap', () => {
    const [a, b] = Random.streams(3, 2) as [Random, Random];
    const first = new Set(draw(a, 50_000));
    const second = draw(b, 1000);
    expect(second.filter((x) => first.has(x))).toEqual([]);
    expect(draw(Random.stream(3, 1), 10)).toEqual(draw(Random.streams(3, 2)[1] as Random, 10));
    expect(draw(Random.stream(3, 0), 10)).toEqual(draw(new Random(3), 10));
  });

  it('draws within range with the expected moments', () => {
    const r = new Random(1);
    const n = 20_000;
    const u = draw(r, n);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: n }, () => r.normal());
    const mean = z.reduce((s, x) => s + x, 0) / n;
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    const ints = Array.from({ length: 600 }, () => r.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    expect(r.permutation(10).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('rejects seeds and stream indices that are not integers', () => {
    expect(() => new Random(1.5)).toThrow(LassoNetError);
    expect(() => new Random(Number.NaN)).toThrow(/seed must be an integer/);
    expect(() => Random.stream(1, -1)).toThrow(/stream index/);
  });
});
