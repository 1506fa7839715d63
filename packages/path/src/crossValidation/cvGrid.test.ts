import { describe, expect, it } from 'vitest';
import {
  argmaxFirst,
  columnMeans,
  interpolateLogLambda,
  lambdaGrid,
  stepValuesAt,
} from './cvGrid.js';

describe('lambdaGrid', () => {
  it('runs from the smallest first lambda to the largest last one, both included', () => {
    const folds = [
      [0, 1, 2, 4],
      [0, 0.5, 1.5],
      [0, 2, 8],
    ];
    expect(lambdaGrid(folds, 2)).toEqual([0.5, 1, 2, 4, 8]);
  });

  it('stops at the last multiple not above the largest lambda', () => {
    expect(lambdaGrid([[0, 0.5, 8]], 3)).toEqual([0.5, 1.5, 4.5]);
    const grid = lambdaGrid([[0, 1, 2]], 1.5);
    expect(grid).toEqual([1, 1.5]);
  });

  it('is the single lambda when every fold has one and the same', () => {
    expect(
      lambdaGrid(
        [
          [0, 3],
          [0, 3],
        ],
        1.1,
      ),
    ).toEqual([3]);
  });
});

describe('interpolateLogLambda', () => {
  it('is linear in log lambda between neighbours', () => {
    expect(interpolateLogLambda([2], [1, 4], [0, 1])).toEqual([0.5]);
    const [a, b] = interpolateLogLambda([Math.SQRT2, 2 * Math.SQRT2], [1, 2, 4], [1, 3, 2]);
    expect(a).toBeCloseTo(2, 12);
    expect(b).toBeCloseTo(2.5, 12);
  });

  it('is the known value at a known lambda', () => {
    expect(interpolateLogLambda([1, 2, 4], [1, 2, 4], [1, 3, 2])).toEqual([1, 3, 2]);
  });

  it('keeps the end values outside the known range', () => {
    expect(interpolateLogLambda([0.1, 0.5, 8, 100], [1, 4], [0.3, 0.9])).toEqual([
      0.3, 0.3, 0.9, 0.9,
    ]);
  });

  it('takes the right-hand value at a repeated lambda (as numpy)', () => {
    expect(interpolateLogLambda([2], [1, 2, 2, 4], [0, 1, 5, 6])).toEqual([5]);
  });

  it('is constant for a single known lambda', () => {
    expect(interpolateLogLambda([0.5, 3, 9], [3], [7])).toEqual([7, 7, 7]);
  });
});

describe('stepValuesAt', () => {
  it('takes the last value at or below each lambda, else the first', () => {
    expect(stepValuesAt([0.5, 1, 1.5, 2, 3.9, 4, 10], [1, 2, 4], [5, 3, 1])).toEqual([
      5, 5, 5, 3, 3, 1, 1,
    ]);
  });
});

describe('argmaxFirst', () => {
  it('takes the first of tied maxima', () => {
    expect(argmaxFirst([1, 3, 3, 2])).toBe(1);
    expect(argmaxFirst([-5, -5])).toBe(0);
  });

  it('skips NaN and is -1 when nothing else is there', () => {
    expect(argmaxFirst([Number.NaN, 2, Number.NaN, 2])).toBe(1);
    expect(argmaxFirst([Number.NaN])).toBe(-1);
    expect(argmaxFirst([Number.NEGATIVE_INFINITY])).toBe(0);
  });
});

describe('columnMeans', () => {
  it('averages each column', () => {
    expect(
      columnMeans([
        [1, 2, 4],
        [3, 4, 8],
      ]),
    ).toEqual([2, 3, 6]);
  });
});
