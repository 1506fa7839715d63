// Seeded input matrices. Every value is rounded to float32 first, so the float64 references see
// exactly what the backend sees and input rounding never counts as the backend's error.
import { fromFunction, type Matrix } from './matrix.js';
import type { Random } from './random.js';

/** Normal values times `scale`, cut at 3 standard deviations to keep float32 error moderate. */
export function normalMatrix(rng: Random, rows: number, cols: number, scale = 1): Matrix {
  return fromFunction(rows, cols, () =>
    Math.fround(scale * Math.max(-3, Math.min(3, rng.normal()))),
  );
}

/** A rows × cols matrix of values drawn from [lo, hi]. */
export type RangeMatrix = (
  rng: Random,
  rows: number,
  cols: number,
  lo: number,
  hi: number,
) => Matrix;

/** A RangeMatrix whose entries are `draw(rng, lo, hi)`, drawn row by row. */
function rangeMatrix(draw: (rng: Random, lo: number, hi: number) => number): RangeMatrix {
  return (rng, rows, cols, lo, hi) => fromFunction(rows, cols, () => draw(rng, lo, hi));
}

export const uniformMatrix = rangeMatrix((rng, lo, hi) => Math.fround(rng.uniform(lo, hi)));

/** Magnitudes uniform in [lo, hi] with random signs: safe divisors. */
export const awayFromZeroMatrix = rangeMatrix((rng, lo, hi) => {
  const sign = rng.float() < 0.5 ? -1 : 1;
  return Math.fround(sign * rng.uniform(lo, hi));
});

/** Small integers as floats: comparisons then meet many exact ties. */
export const integerMatrix = rangeMatrix((rng, lo, hi) => rng.int(lo, hi));

/**
 * Distinct values spread over [-3, 3] in random order, so sorting and argMax have one right
 * answer. Neighbours differ by 6 / (rows * cols), far above float32 resolution.
 */
export function distinctMatrix(rng: Random, rows: number, cols: number): Matrix {
  const n = rows * cols;
  const order = rng.permutation(n);
  return fromFunction(rows, cols, (i, j) =>
    Math.fround(((order[i * cols + j] as number) - (n - 1) / 2) * (6 / n)),
  );
}

/** A copy of `m` with about `fraction` of its entries set to exactly 0. */
export function withZeros(rng: Random, m: Matrix, fraction: number): Matrix {
  return fromFunction(m.rows, m.cols, (i, j) =>
    rng.float() < fraction ? 0 : (m.data[i * m.cols + j] as number),
  );
}

/** `count` indices in [0, bound), with repeats, always including 0 and bound - 1. */
export function randomIndices(rng: Random, count: number, bound: number): number[] {
  const indices = Array.from({ length: count }, () => rng.int(0, bound - 1));
  indices[0] = bound - 1;
  indices[count - 1] = 0;
  return indices;
}
