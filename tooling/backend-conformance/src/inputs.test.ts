import { describe, expect, it } from 'vitest';
import {
  awayFromZeroMatrix,
  distinctMatrix,
  normalMatrix,
  randomIndices,
  uniformMatrix,
  withZeros,
} from './inputs.js';
import { Random } from './random.js';

const isFloat32 = (x: number) => Math.fround(x) === x;

describe('inputs', () => {
  it('are float32 values, so the references see what the backend sees', () => {
    const rng = new Random(1);
    for (const m of [normalMatrix(rng, 9, 7), uniformMatrix(rng, 9, 7, -1, 3)]) {
      expect(m.data.every(isFloat32)).toBe(true);
    }
  });

  it('respect their ranges', () => {
    const rng = new Random(2);
    expect(normalMatrix(rng, 40, 40, 2).data.every((x) => Math.abs(x) <= 6)).toBe(true);
    expect(uniformMatrix(rng, 40, 40, 0.25, 3).data.every((x) => x >= 0.25 && x <= 3)).toBe(true);
    const divisors = awayFromZeroMatrix(rng, 40, 40, 0.5, 3).data;
    expect(divisors.every((x) => Math.abs(x) >= 0.5 && Math.abs(x) <= 3)).toBe(true);
    expect(divisors.some((x) => x < 0) && divisors.some((x) => x > 0)).toBe(true);
  });

  it('distinctMatrix has no ties', () => {
    const m = distinctMatrix(new Random(3), 37, 23);
    expect(new Set(m.data).size).toBe(37 * 23);
    expect(m.data.every((x) => isFloat32(x) && Math.abs(x) <= 3)).toBe(true);
  });

  it('withZeros puts in exact zeros', () => {
    const rng = new Random(4);
    const m = withZeros(rng, normalMatrix(rng, 20, 20), 0.2);
    const zeros = m.data.filter((x) => x === 0).length;
    expect(zeros).toBeGreaterThan(40);
    expect(zeros).toBeLessThan(130);
  });

  it('randomIndices covers both ends of the range', () => {
    const indices = randomIndices(new Random(5), 15, 37);
    expect(indices).toHaveLength(15);
    expect(indices).toContain(0);
    expect(indices).toContain(36);
    expect(indices.every((i) => Number.isInteger(i) && i >= 0 && i < 37)).toBe(true);
  });
});
