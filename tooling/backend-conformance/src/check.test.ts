import { describe, expect, it } from 'vitest';
import { compare } from './check.js';
import type { TensorData } from './tensorData.js';

const expected: TensorData = { shape: [2, 3], values: [1, 2, 3, 4, 5, 6] };
const actualOf = (values: number[], shape = [2, 3]): TensorData => ({
  shape,
  values: Float32Array.from(values),
});

describe('compare', () => {
  it('accepts float32 rounding and reports the errors', () => {
    const result = compare(actualOf([1, 2, 3.0001, 4, 5, 6]), expected);
    expect(result.ok).toBe(true);
    expect(result.maxAbsError).toBeCloseTo(1e-4, 6);
    expect(result.maxRelError).toBeCloseTo(1e-4 / 3, 6);
  });

  it('catches a shape mismatch, even with the same number of values', () => {
    const result = compare(actualOf([1, 2, 3, 4, 5, 6], [3, 2]), expected);
    expect(result.ok).toBe(false);
    expect(result.message).toBe('shape [3, 2] differs from expected [2, 3]');
    expect(compare(actualOf([1, 2, 3, 4, 5, 6], [6]), expected).ok).toBe(false);
  });

  it('catches a wrong element, naming its index, the actual and the expected value', () => {
    const result = compare(actualOf([1, 2, 3, 4, 5, 6.01]), expected);
    expect(result.ok).toBe(false);
    expect(result.maxAbsError).toBeCloseTo(0.01, 5);
    expect(result.message).toMatch(/^1 of 6 values out of tolerance/);
    expect(result.message).toContain('first failure at index [1, 2] (flat 5)');
    expect(result.message).toMatch(/actual 6\.01\d*, expected 6,/);
  });

  it('names the first of several failures', () => {
    const result = compare(actualOf([1, 2.5, 3, 4, 0, 6]), expected);
    expect(result.message).toMatch(/^2 of 6 .*index \[0, 1\] \(flat 1\): actual 2\.5, expected 2/);
  });

  it('fails on NaN or infinity where a finite value is expected', () => {
    const nan = compare(actualOf([1, 2, Number.NaN, 4, 5, 6]), expected);
    expect(nan.ok).toBe(false);
    expect(nan.message).toContain('index [0, 2] (flat 2): actual NaN, expected 3');
    expect(nan.maxAbsError).toBe(Number.POSITIVE_INFINITY);
    // A huge tolerance does not excuse a NaN.
    expect(compare(actualOf([1, 2, Number.NaN, 4, 5, 6]), expected, { atol: 1e30 }).ok).toBe(false);
    const inf = compare(actualOf([1, 2, 3, Number.POSITIVE_INFINITY, 5, 6]), expected);
    expect(inf.ok).toBe(false);
    expect(inf.message).toContain('actual Infinity, expected 4');
  });

  it('matches non-finite expected values exactly', () => {
    const e: TensorData = { shape: [3], values: [Number.NaN, Number.NEGATIVE_INFINITY, 0] };
    expect(compare(actualOf([Number.NaN, Number.NEGATIVE_INFINITY, 0], [3]), e).ok).toBe(true);
    expect(compare(actualOf([0, Number.NEGATIVE_INFINITY, 0], [3]), e).ok).toBe(false);
    expect(compare(actualOf([Number.NaN, -1e38, 0], [3]), e).ok).toBe(false);
  });

  it('applies |a - e| <= atol + rtol * |e|', () => {
    const big: TensorData = { shape: [1], values: [1000] };
    // 1000 allows 1e-5 + 0.1; zero allows only atol.
    expect(compare(actualOf([1000.09], [1]), big).ok).toBe(true);
    expect(compare(actualOf([1000.2], [1]), big).ok).toBe(false);
    const zero: TensorData = { shape: [1], values: [0] };
    expect(compare(actualOf([5e-6], [1]), zero).ok).toBe(true);
    expect(compare(actualOf([5e-5], [1]), zero).ok).toBe(false);
    expect(compare(actualOf([5e-5], [1]), zero, { atol: 1e-4 }).ok).toBe(true);
    expect(compare(actualOf([1000.2], [1]), big, { rtol: 1e-3 }).ok).toBe(true);
  });

  it('is exact with zero tolerances, as for indices and masks', () => {
    const indices: TensorData = { shape: [3], values: Int32Array.from([2, 0, 1]) };
    expect(compare(indices, { shape: [3], values: [2, 0, 1] }, { rtol: 0, atol: 0 }).ok).toBe(true);
    const mask: TensorData = { shape: [2], values: Uint8Array.from([1, 0]) };
    expect(compare(mask, { shape: [2], values: [1, 1] }, { rtol: 0, atol: 0 }).ok).toBe(false);
  });

  it('checks dtypes when both sides state one', () => {
    const ints: TensorData = { shape: [1], values: [3], dtype: 'int32' };
    const floats: TensorData = { shape: [1], values: Float32Array.from([3]), dtype: 'float32' };
    expect(compare(floats, ints).message).toBe('dtype float32 differs from expected int32');
    expect(compare({ shape: [1], values: [3] }, ints).ok).toBe(true);
  });

  it('compares scalars and refuses values that do not fill the shape', () => {
    expect(compare({ shape: [], values: [2] }, { shape: [], values: [2] }).ok).toBe(true);
    const short = compare(actualOf([1, 2, 3]), expected);
    expect(short.ok).toBe(false);
    expect(short.message).toContain('holds 6 values, but actual has 3');
  });
});
