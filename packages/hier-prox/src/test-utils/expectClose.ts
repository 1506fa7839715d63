import { compare, type TensorData } from '@lassonet/backend-conformance';
import { expect } from 'vitest';
import type { Rows } from './reference.js';

const asData = (rows: Rows): TensorData => ({
  shape: [rows.length, rows[0]?.length ?? 0],
  values: rows.flat(),
});

/** Every element within atol + rtol·|expected| (float32 results against float32/float64 truth). */
export function expectClose(
  actual: Rows,
  expected: Rows,
  label: string,
  { atol = 1e-5, rtol = 1e-4 } = {},
): void {
  const verdict = compare(asData(actual), asData(expected), { atol, rtol });
  expect(verdict.ok, `${label}: ${verdict.message}`).toBe(true);
}
