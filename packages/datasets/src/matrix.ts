import { describeValue } from '@lassonet/core';
import { DatasetError } from './errors.js';

/** Rows of numbers, all the same length. */
export type Matrix = readonly (readonly number[])[];

export interface MatrixShape {
  nRows: number;
  nCols: number;
}

/**
 * Checks that `X` is a non-empty rectangular array of rows, without looking at the values
 * (splits accept missing values: imputing belongs after the split, on the training rows).
 */
export function checkShape(X: Matrix, name = 'X'): MatrixShape {
  if (!Array.isArray(X as unknown)) {
    throw new DatasetError(
      'SHAPE_MISMATCH',
      `${name} must be an array of rows, got ${describeValue(X)}.`,
    );
  }
  if (X.length === 0) throw new DatasetError('EMPTY_DATA', `${name} has no rows.`);
  let nCols = 0;
  for (let i = 0; i < X.length; i++) {
    const row: unknown = X[i];
    if (!Array.isArray(row)) {
      throw new DatasetError(
        'SHAPE_MISMATCH',
        `${name}: row ${i} must be an array of numbers, got ${describeValue(row)}.`,
      );
    }
    if (i === 0) {
      nCols = row.length;
      if (nCols === 0) throw new DatasetError('EMPTY_DATA', `${name} has no columns.`);
    } else if (row.length !== nCols) {
      throw new DatasetError(
        'SHAPE_MISMATCH',
        `${name}: row ${i} has ${row.length} values, row 0 has ${nCols}; every row needs the same number.`,
      );
    }
  }
  return { nRows: X.length, nCols };
}

/** Checks that `X` is a non-empty rectangular matrix of finite numbers; returns its shape. */
export function checkMatrix(X: Matrix, name = 'X'): MatrixShape {
  const shape = checkShape(X, name);
  for (let i = 0; i < shape.nRows; i++) {
    const row = X[i] as readonly unknown[];
    for (let j = 0; j < shape.nCols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new DatasetError(
          'NON_FINITE',
          `${name} has ${describeValue(v)} at row ${i}, column ${j}; every value must be a finite number.`,
        );
      }
    }
  }
  return shape;
}

/**
 * Checks that `y` holds one class label (an integer >= 0) per row; returns the number of
 * classes K = max label + 1. Labels need not all appear.
 */
export function checkLabels(y: readonly number[], nRows: number, name = 'y'): number {
  if (!Array.isArray(y as unknown)) {
    throw new DatasetError(
      'SHAPE_MISMATCH',
      `${name} must be an array of class labels, got ${describeValue(y)}.`,
    );
  }
  if (y.length !== nRows) {
    throw new DatasetError(
      'SHAPE_MISMATCH',
      `${name} has ${y.length} labels, but there are ${nRows} rows.`,
    );
  }
  if (y.length === 0) throw new DatasetError('EMPTY_DATA', `${name} has no labels.`);
  let max = 0;
  for (let i = 0; i < y.length; i++) {
    const v: unknown = y[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw new DatasetError(
        'INVALID_LABEL',
        `${name}[${i}] = ${describeValue(v)} is not a class label: labels must be integers 0..K-1.`,
      );
    }
    if (v > max) max = v;
  }
  return max + 1;
}
