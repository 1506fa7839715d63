// The references on small examples worked out by hand: if these are wrong, every backend is
// judged against a wrong answer.
import { describe, expect, it } from 'vitest';
import { matrix } from './matrix.js';
import * as ref from './reference.js';

const a = matrix(2, 2, [1, 2, 3, 4]);
const b = matrix(2, 2, [5, 6, 7, 8]);
const m23 = matrix(2, 3, [1, 2, 3, 4, 5, 6]);

describe('matMul', () => {
  it('multiplies in all four transpositions', () => {
    expect(ref.matMul(a, b).data).toEqual([19, 22, 43, 50]);
    expect(ref.matMul(a, b, true, false).data).toEqual([26, 30, 38, 44]);
    expect(ref.matMul(a, b, false, true).data).toEqual([17, 23, 39, 53]);
    expect(ref.matMul(a, b, true, true).data).toEqual([23, 31, 34, 46]);
  });

  it('handles non-square shapes and refuses mismatched ones', () => {
    const product = ref.matMul(matrix(1, 3, [1, 2, 3]), matrix(3, 2, [1, 0, 0, 1, 1, 1]));
    expect(product).toEqual({ rows: 1, cols: 2, data: [4, 5] });
    expect(() => ref.matMul(m23, m23)).toThrow(/cannot multiply 2x3 by 2x3/);
  });

  it('transposes', () => {
    expect(ref.transpose(m23)).toEqual({ rows: 3, cols: 2, data: [1, 4, 2, 5, 3, 6] });
  });
});

describe('elementwise', () => {
  it('broadcasts a row vector and a column vector', () => {
    expect(ref.add(m23, matrix(1, 3, [10, 20, 30])).data).toEqual([11, 22, 33, 14, 25, 36]);
    expect(ref.sub(matrix(2, 1, [10, 20]), m23).data).toEqual([9, 8, 7, 16, 15, 14]);
    expect(ref.div(m23, matrix(1, 1, [2])).data).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
    expect(() => ref.mul(m23, a)).toThrow(/do not broadcast/);
  });

  it('computes the unary functions, with sign(0) = 0', () => {
    const x = matrix(1, 4, [-2, -0, 0, 3]);
    expect(ref.sign(x).data).toEqual([-1, 0, 0, 1]);
    expect(Object.is(ref.sign(x).data[1], 0)).toBe(true);
    expect(ref.relu(x).data).toEqual([0, 0, 0, 3]);
    expect(ref.abs(x).data).toEqual([2, 0, 0, 3]);
    expect(ref.square(x).data).toEqual([4, 0, 0, 9]);
    expect(ref.clipByValue(x, -1, 1).data).toEqual([-1, -0, 0, 1]);
    expect(ref.sqrt(matrix(1, 2, [4, 0.25])).data).toEqual([2, 0.5]);
    expect(ref.log(ref.exp(matrix(1, 2, [1.5, -2]))).data[0]).toBeCloseTo(1.5, 14);
  });

  it('compares, giving 1 and 0, and selects with where', () => {
    const x = matrix(1, 3, [1, 2, 3]);
    const y = matrix(1, 3, [2, 2, 2]);
    expect(ref.greater(x, y).data).toEqual([0, 0, 1]);
    expect(ref.greaterEqual(x, y).data).toEqual([0, 1, 1]);
    expect(ref.less(x, y).data).toEqual([1, 0, 0]);
    expect(ref.equal(x, y).data).toEqual([0, 1, 0]);
    expect(ref.where(matrix(1, 3, [1, 0, 1]), x, y).data).toEqual([1, 2, 3]);
    expect(ref.maximum(x, y).data).toEqual([2, 2, 3]);
    expect(ref.minimum(x, y).data).toEqual([1, 2, 2]);
  });
});

describe('reductions', () => {
  it('reduces along each axis and over everything', () => {
    expect(ref.reduceAxis(m23, 0, ref.sum)).toEqual([5, 7, 9]);
    expect(ref.reduceAxis(m23, 1, ref.sum)).toEqual([6, 15]);
    expect(ref.reduceAxis(m23, 1, ref.mean)).toEqual([2, 5]);
    expect(ref.reduceAxis(m23, 0, ref.max)).toEqual([4, 5, 6]);
    expect(ref.reduceAxis(m23, 1, ref.min)).toEqual([1, 4]);
    expect(ref.sum(m23.data)).toBe(21);
  });

  it('takes euclidean norms', () => {
    expect(ref.euclidean([3, 4])).toBe(5);
    expect(ref.reduceAxis(matrix(2, 2, [3, 4, 0, -2]), 1, ref.euclidean)).toEqual([5, 2]);
  });

  it('finds the first largest index', () => {
    expect(ref.argMax(matrix(2, 3, [1, 9, 9, 7, 0, 3]), 1)).toEqual([1, 0]);
    expect(ref.argMax(matrix(2, 3, [1, 9, 9, 7, 0, 3]), 0)).toEqual([1, 0, 0]);
  });
});

describe('softmax', () => {
  it('of [0, ln 2] is [1/3, 2/3]', () => {
    const x = matrix(1, 2, [0, Math.LN2]);
    const p = ref.softmaxRows(x).data;
    expect(p[0]).toBeCloseTo(1 / 3, 15);
    expect(p[1]).toBeCloseTo(2 / 3, 15);
    const logp = ref.logSoftmaxRows(x).data;
    expect(logp[0]).toBeCloseTo(-Math.log(3), 15);
    expect(logp[1]).toBeCloseTo(Math.LN2 - Math.log(3), 15);
  });

  it('is stable for logits far beyond exp overflow', () => {
    expect(ref.softmaxRows(matrix(1, 2, [1000, 1000])).data).toEqual([0.5, 0.5]);
    expect(ref.logSoftmaxRows(matrix(1, 2, [-1000, 1000])).data).toEqual([-2000, 0]);
    expect(ref.logSumExp([800, 800])).toBeCloseTo(800 + Math.LN2, 12);
  });

  it('works row by row', () => {
    const p = ref.softmaxRows(matrix(2, 2, [0, 0, 5, 5])).data;
    expect(p).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});

describe('ordering, indexing and scans', () => {
  it('topk returns the largest values first, with their indices', () => {
    expect(ref.topk([3, 1, 4, 1.5, 9], 3)).toEqual({ values: [9, 4, 3], indices: [4, 2, 0] });
    expect(ref.topk([2, 5, 2], 3)).toEqual({ values: [5, 2, 2], indices: [1, 0, 2] });
  });

  it('gathers rows and columns, repeats allowed', () => {
    expect(ref.gather(m23, [1, 1, 0], 0).data).toEqual([4, 5, 6, 4, 5, 6, 1, 2, 3]);
    expect(ref.gather(m23, [2, 0], 1).data).toEqual([3, 1, 6, 4]);
  });

  it('cumsums in all four variants along both axes', () => {
    expect(ref.cumsum(m23, 1).data).toEqual([1, 3, 6, 4, 9, 15]);
    expect(ref.cumsum(m23, 1, true).data).toEqual([0, 1, 3, 0, 4, 9]);
    expect(ref.cumsum(m23, 1, false, true).data).toEqual([6, 5, 3, 15, 11, 6]);
    expect(ref.cumsum(m23, 1, true, true).data).toEqual([5, 3, 0, 11, 6, 0]);
    expect(ref.cumsum(m23, 0).data).toEqual([1, 2, 3, 5, 7, 9]);
    expect(ref.cumsum(m23, 0, true).data).toEqual([0, 0, 0, 1, 2, 3]);
    expect(ref.cumsum(m23, 0, false, true).data).toEqual([5, 7, 9, 4, 5, 6]);
    expect(ref.cumsum(m23, 0, true, true).data).toEqual([4, 5, 6, 0, 0, 0]);
  });
});

describe('shape manipulation', () => {
  it('concatenates along either axis', () => {
    expect(ref.concat(a, b, 0)).toEqual({ rows: 4, cols: 2, data: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(ref.concat(a, b, 1)).toEqual({ rows: 2, cols: 4, data: [1, 2, 5, 6, 3, 4, 7, 8] });
  });

  it('slices a block', () => {
    expect(ref.slice(m23, [0, 1], [2, 2]).data).toEqual([2, 3, 5, 6]);
    expect(() => ref.slice(m23, [1, 1], [2, 2])).toThrow(RangeError);
  });

  it('one-hot encodes', () => {
    expect(ref.oneHot([2, 0], 3)).toEqual({ rows: 2, cols: 3, data: [0, 0, 1, 1, 0, 0] });
  });
});
