import { expect } from 'vitest';
import type { Rows } from './reference.js';

/** Every element within atol + rtol·|expected| (float32 results against float32/float64 truth). */
export function expectClose(
  actual: Rows,
  expected: Rows,
  label: string,
  { atol = 1e-5, rtol = 1e-4 } = {},
): void {
  expect(actual.length, `${label}: rows`).toBe(expected.length);
  let worst = '';
  let worstExcess = 0;
  expected.forEach((row, j) => {
    expect(actual[j]?.length, `${label}: row ${j} length`).toBe(row.length);
    row.forEach((e, i) => {
      const a = actual[j]?.[i] ?? Number.NaN;
      const excess = Number.isFinite(a) ? Math.abs(a - e) - (atol + rtol * Math.abs(e)) : Infinity;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = `[${j}][${i}]: got ${a}, expected ${e}`;
      }
    });
  });
  expect(worst, `${label}: worst element`).toBe('');
}
