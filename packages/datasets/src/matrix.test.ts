import { describe, expect, it } from 'vitest';
import { checkLabels, checkMatrix, checkShape, type Matrix } from './matrix.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

describe('checkMatrix', () => {
  it('returns the shape of a rectangular finite matrix', () => {
    expect(
      checkMatrix([
        [1, 2],
        [3, 4],
        [5, -6.5],
      ]),
    ).toEqual({ nRows: 3, nCols: 2 });
    expect(checkMatrix([[0]])).toEqual({ nRows: 1, nCols: 1 });
  });

  it('rejects no rows and no columns as EMPTY_DATA', () => {
    expectDatasetError(() => checkMatrix([]), 'EMPTY_DATA', 'X has no rows');
    expectDatasetError(() => checkMatrix([[], []], 'Z'), 'EMPTY_DATA', 'Z has no columns');
  });

  it('names the first row whose length differs', () => {
    const X = [
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4],
      [1, 2],
    ];
    expectDatasetError(() => checkMatrix(X), 'SHAPE_MISMATCH', 'row 3 has 4 values, row 0 has 5');
    expectDatasetError(() => checkMatrix([[1], [2, 3]]), 'SHAPE_MISMATCH', 'row 1 has 2 values');
  });

  it('rejects rows that are not arrays', () => {
    const X = [[1], 2] as unknown as Matrix;
    expectDatasetError(() => checkMatrix(X), 'SHAPE_MISMATCH', 'row 1 must be an array');
    expectDatasetError(
      () => checkMatrix(null as unknown as Matrix),
      'SHAPE_MISMATCH',
      'array of rows',
    );
  });

  it('names row and column of the first non-finite value', () => {
    const X = [
      [1, 2],
      [3, 4],
      [5, Number.NaN],
      [Number.NaN, 0],
    ];
    expectDatasetError(() => checkMatrix(X), 'NON_FINITE', 'NaN at row 2, column 1');
    expectDatasetError(
      () => checkMatrix([[1, Infinity]]),
      'NON_FINITE',
      'Infinity at row 0, column 1',
    );
    expectDatasetError(
      () => checkMatrix([[-Infinity]]),
      'NON_FINITE',
      '-Infinity at row 0, column 0',
    );
  });

  it('rejects non-numbers, showing what it got', () => {
    const X = [[1, '3']] as unknown as Matrix;
    expectDatasetError(
      () => checkMatrix(X, 'features'),
      'NON_FINITE',
      "features has '3' at row 0, column 1",
    );
    const Y = [[null, 1]] as unknown as Matrix;
    expectDatasetError(() => checkMatrix(Y), 'NON_FINITE', 'null at row 0, column 0');
  });
});

describe('checkShape', () => {
  it('checks the shape but accepts missing values', () => {
    expect(
      checkShape([
        [Number.NaN, 1],
        [2, 3],
      ]),
    ).toEqual({ nRows: 2, nCols: 2 });
    expectDatasetError(
      () => checkShape([[1, 2], [3]]),
      'SHAPE_MISMATCH',
      'row 1 has 1 values, row 0 has 2',
    );
    expectDatasetError(() => checkShape([]), 'EMPTY_DATA');
  });
});

describe('checkLabels', () => {
  it('returns K = largest label + 1', () => {
    expect(checkLabels([0, 2, 1, 2], 4)).toBe(3);
    expect(checkLabels([0, 0], 2)).toBe(1);
    // Classes need not all appear.
    expect(checkLabels([3, 1], 2)).toBe(4);
  });

  it('rejects a length that does not match the rows', () => {
    expectDatasetError(
      () => checkLabels([0, 1, 0], 4),
      'SHAPE_MISMATCH',
      'y has 3 labels',
      '4 rows',
    );
    expectDatasetError(() => checkLabels([], 0), 'EMPTY_DATA');
  });

  it('rejects labels that are not integers >= 0', () => {
    const y = [0, 1, 0, 1, 0, 1, 0, 2.5, 1];
    expectDatasetError(
      () => checkLabels(y, 9),
      'INVALID_LABEL',
      'y[7] = 2.5 is not a class label: labels must be integers 0..K-1',
    );
    expectDatasetError(() => checkLabels([0, -1], 2, 'labels'), 'INVALID_LABEL', 'labels[1] = -1');
    expectDatasetError(() => checkLabels([Number.NaN], 1), 'INVALID_LABEL', 'y[0] = NaN');
    const s = ['1'] as unknown as number[];
    expectDatasetError(() => checkLabels(s, 1), 'INVALID_LABEL', "y[0] = '1' is not a class label");
  });
});
