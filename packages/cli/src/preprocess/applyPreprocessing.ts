import type { CsvTable } from '@lassonet/datasets';
import { CliError } from '../errors.js';
import { cellNumber, emptyCounts, isEmptyCell, listOf, quote } from './cells.js';
import type { ColumnSpec, PreprocessingSpec } from './spec.js';

/** The feature matrix of a table, and which of its rows the matrix rows are. */
export interface AppliedPreprocessing {
  /** One row per entry of `rows`, one column per `spec.featureNames` entry. */
  X: number[][];
  /** 0-based indices of the table rows in `X`; with impute 'drop' the incomplete ones are missing. */
  rows: number[];
}

/**
 * Turns a table into the features a model was fitted on, by the fitted `spec`. Target columns
 * and extra columns are ignored. Throws INVALID_DATA for a missing column, a new category or a
 * non-numeric cell in a numeric column, MISSING_VALUES for empty cells the spec cannot fill.
 */
export function applyPreprocessing(spec: PreprocessingSpec, table: CsvTable): AppliedPreprocessing {
  const absent = spec.columns.filter((column) => !table.columns.includes(column.name));
  if (absent.length > 0) {
    const names = listOf(absent.map((column) => quote(column.name)));
    throw new CliError(
      'INVALID_DATA',
      `The table has no ${absent.length === 1 ? 'column' : 'columns'} ${names}, which the model was fitted on.`,
    );
  }
  const encoders = spec.columns.map((column) => {
    const encode = columnEncoder(column);
    // An empty cell becomes the features of the fitted fill value, when there is one.
    const filled: number[] = [];
    if (column.fill !== null) encode(String(column.fill), -1, filled);
    return { index: table.columns.indexOf(column.name), column, encode, filled };
  });
  const empty = new Map(spec.columns.map((column) => [column.name, 0]));
  const X: number[][] = [];
  const rows: number[] = [];
  table.rows.forEach((cells, row) => {
    let complete = true;
    for (const { index, column } of encoders) {
      if (column.fill === null && isEmptyCell(cells[index] ?? '')) {
        empty.set(column.name, (empty.get(column.name) ?? 0) + 1);
        complete = false;
      }
    }
    // A row left out is not read further: its other cells do not matter.
    if (!complete) return;
    const features: number[] = [];
    for (const { index, encode, filled } of encoders) {
      const cell = cells[index] ?? '';
      if (isEmptyCell(cell)) features.push(...filled);
      else encode(cell, row, features);
    }
    X.push(features);
    rows.push(row);
  });
  if (rows.length < table.rows.length && spec.impute !== 'drop') {
    throw new CliError(
      'MISSING_VALUES',
      `Empty cells in ${emptyCounts(empty)}: the model was fitted with --impute ${spec.impute}, ` +
        'so fill them (or refit with --impute mean|median|drop).',
    );
  }
  return { X, rows };
}

type Encoder = (cell: string, row: number, out: number[]) => void;

/** Appends a non-empty cell's features to `out`: one standardized number, or a one-hot block. */
function columnEncoder(column: ColumnSpec): Encoder {
  if (column.type === 'numeric') {
    const { name, center, scale } = column;
    return (cell, row, out) => {
      const value = cellNumber(cell);
      if (value === undefined) {
        throw new CliError(
          'INVALID_DATA',
          `Row ${row + 1}, column ${name}: ${quote(cell)} is not a number, and the model was fitted on numbers there.`,
        );
      }
      out.push((value - center) / scale);
    };
  }
  const { name, categories } = column;
  const position = new Map(categories.map((category, k) => [category, k]));
  return (cell, row, out) => {
    const k = position.get(cell);
    if (k === undefined) {
      throw new CliError(
        'INVALID_DATA',
        `Row ${row + 1}, column ${name}: ${quote(cell)} is not a category the model was fitted on ` +
          `(${listOf(categories.map(quote))}).`,
      );
    }
    for (let j = 0; j < categories.length; j++) out.push(j === k ? 1 : 0);
  };
}
