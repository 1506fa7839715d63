// CSV text to string tables and numeric matrices. Pure string in, arrays out: no file access,
// so the same code runs in Node and in browsers.
import { choiceOption, describeValue, type OptionsInput, parseOptions } from '@lassonet/core';
import Papa from 'papaparse';
import * as v from 'valibot';
import { DatasetError } from './errors.js';

const DELIMITER = 'must be a non-empty string without quotes or line breaks';
const delimiterOption = v.optional(
  v.pipe(
    v.string(DELIMITER),
    v.check((d) => d !== '' && !/["\r\n]/.test(d), DELIMITER),
  ),
  ',',
);

const csvTableSchema = v.strictObject({
  /** Field separator; default `,` (never guessed, so a stray `;` in the data cannot fool it). */
  delimiter: delimiterOption,
});

/** Options of {@link parseCsvTable}. */
export type CsvTableOptions = OptionsInput<typeof csvTableSchema>;

/** A CSV file as strings: the header and the data rows, every cell trimmed. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
}

const duplicates = (names: readonly string[]): string[] => [
  ...new Set(names.filter((name, i) => names.indexOf(name) !== i)),
];

const columnList = v.pipe(
  v.array(v.string('must be a column name'), 'must be an array of column names'),
  v.check(
    (names) => duplicates(names).length === 0,
    (issue) => `must not list ${duplicates(issue.input).map(quote).join(', ')} more than once`,
  ),
);

const csvMatrixSchema = v.strictObject({
  /** The target column; without it the result has no `y`. */
  target: v.optional(v.string('must be a column name')),
  /** Feature columns, in this order; default: every column except the target and `exclude`. */
  features: v.optional(columnList),
  /** Columns left out when `features` is not given (e.g. an ID column). Default none. */
  exclude: v.optional(columnList, () => []),
  /** 'auto' (default): numeric when every target cell is a finite number, else categorical. */
  targetType: v.optional(choiceOption(['auto', 'numeric', 'categorical']), 'auto'),
  /** 'error' (default): a missing feature cell throws; 'keep': it becomes NaN and is listed. */
  missing: v.optional(choiceOption(['error', 'keep']), 'error'),
  /** Field separator; default `,`. */
  delimiter: delimiterOption,
});

/** Options of {@link csvToMatrix}. */
export type CsvMatrixOptions = OptionsInput<typeof csvMatrixSchema>;

/** csvToMatrix's options once checked, defaults filled in (the delimiter aside). */
export type CsvMatrixSettings = Omit<v.InferOutput<typeof csvMatrixSchema>, 'delimiter'>;

/** A missing feature cell: `row` is the 0-based data row, `column` the feature name. */
export interface MissingCell {
  row: number;
  column: string;
}

/** Features, optional target, and where the missing cells were. */
export interface CsvMatrix {
  /** One row per data row, one column per entry of `featureNames`. */
  X: number[][];
  /** Numbers for a numeric target; labels 0..K-1 for a categorical one. */
  y?: number[];
  featureNames: string[];
  targetName?: string;
  /** For a categorical target: `classNames[k]` is the value of label k (sorted). */
  classNames?: string[];
  /** Missing feature cells (NaN in `X`), row by row; empty unless `missing: 'keep'`. */
  missing: MissingCell[];
}

// Plain decimal or exponent notation only: Number() would also take hex, binary, "Infinity"
// and, worst, "" (as 0).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', '?']);
const LINE_BREAK = /\r\n|\r|\n/g;
// How many columns a message names before it says "and N more".
const LIST_LIMIT = 5;

/** A table plus the 1-based file line on which each data row starts (for messages). */
export interface LocatedTable extends CsvTable {
  lines: number[];
}

/**
 * Parses CSV text: the first line is the header, cells stay trimmed strings. Strict: a row with
 * another cell count than the header, a duplicate or empty column name, or a quoting error throws
 * a {@link DatasetError}. A leading BOM and trailing empty lines are ignored.
 */
export function parseCsvTable(text: string, options?: CsvTableOptions): CsvTable {
  const { delimiter } = parseOptions(csvTableSchema, options, 'parseCsvTable', DatasetError);
  const { columns, rows } = parseLocated(text, delimiter);
  return { columns, rows };
}

/**
 * Parses CSV text into a numeric feature matrix and, with `target`, a target vector (numeric, or
 * labels 0..K-1 for a categorical target). Strict: absent columns, non-numeric feature cells and
 * (unless `missing: 'keep'`) missing cells throw a {@link DatasetError}.
 */
export function csvToMatrix(text: string, options?: CsvMatrixOptions): CsvMatrix {
  const { delimiter, ...settings } = parseOptions(
    csvMatrixSchema,
    options,
    'csvToMatrix',
    DatasetError,
  );
  return tableToMatrix(parseLocated(text, delimiter), settings);
}

/**
 * csvToMatrix on a table already parsed (with its line numbers), for callers that also need the
 * text cells: the file is parsed once.
 */
export function tableToMatrix(table: LocatedTable, settings: CsvMatrixSettings): CsvMatrix {
  const { target, features, exclude, targetType, missing } = settings;
  const { columns } = table;
  const requireColumns = (names: readonly string[], what: string): void => {
    const absent = names.filter((name) => !columns.includes(name));
    if (absent.length > 0) {
      throw new DatasetError(
        'ABSENT_COLUMN',
        `${what} ${absent.map(quote).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not in the CSV. ` +
          `Available columns: ${columns.map(quote).join(', ')}.`,
      );
    }
  };
  if (target !== undefined) requireColumns([target], 'Target column');
  if (features !== undefined) requireColumns(features, 'Feature column(s)');
  requireColumns(exclude, 'Excluded column(s)');

  if (target !== undefined && features?.includes(target)) {
    throw invalid(`The target column ${quote(target)} is also listed in 'features'.`);
  }
  if (target !== undefined && exclude.includes(target)) {
    throw invalid(`The target column ${quote(target)} is also listed in 'exclude'.`);
  }
  const clash = features?.filter((name) => exclude.includes(name)) ?? [];
  if (clash.length > 0) {
    throw invalid(`Column(s) ${clash.map(quote).join(', ')} are in both 'features' and 'exclude'.`);
  }

  const featureNames =
    features !== undefined
      ? [...features]
      : columns.filter((name) => name !== target && !exclude.includes(name));
  if (featureNames.length === 0) {
    throw new DatasetError(
      'EMPTY_DATA',
      `No feature columns left (columns: ${columns.map(quote).join(', ')}; ` +
        `target: ${target === undefined ? 'none' : quote(target)}).`,
    );
  }

  const { X, missingCells } = readFeatures(table, featureNames);
  if (missing === 'error' && missingCells.length > 0) {
    throw missingError(missingCells, featureNames, table.lines);
  }

  if (target === undefined) return { X, featureNames, missing: missingCells };
  const { y, classNames } = readTarget(table, target, targetType);
  return {
    X,
    y,
    featureNames,
    targetName: target,
    ...(classNames !== undefined && { classNames }),
    missing: missingCells,
  };
}

/** parseCsvTable on a delimiter already checked, keeping the line on which each row starts. */
export function parseLocated(text: string, delimiter = ','): LocatedTable {
  if (typeof text !== 'string') {
    throw invalid(`CSV input must be a string, got ${describeValue(text)}.`);
  }
  // Stripped here, not left to papaparse, so its cursor positions index this very string.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new DatasetError('EMPTY_DATA', 'The CSV is empty.');

  const records: { cells: string[]; line: number; blank: boolean }[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    comments: false,
    quoteChar: '"',
    step: (result) => {
      const error = result.errors[0];
      if (error !== undefined) {
        // Row as papaparse counts it (0 = header); the line is the clearer pointer.
        const at = error.index ?? start;
        throw new DatasetError(
          'MALFORMED_FILE',
          `Malformed CSV at line ${lineAt(body, at)} (row ${records.length}): ${error.message}.`,
        );
      }
      const end = result.meta.cursor;
      records.push({
        cells: result.data.map((cell) => cell.trim()),
        line,
        // Judged on the raw text, so a quoted "" is a value and not a blank line.
        blank: body.slice(start, end).trim() === '',
      });
      line += countLineBreaks(body.slice(start, end));
      start = end;
    },
  });

  while (records.length > 0 && records[records.length - 1]?.blank) records.pop();
  const [header, ...data] = records;
  if (header === undefined) throw new DatasetError('EMPTY_DATA', 'The CSV is empty.');
  if (data.length === 0) {
    throw new DatasetError('EMPTY_DATA', 'The CSV has a header but no data rows.');
  }

  const columns = header.cells;
  const empty = columns.flatMap((name, i) => (name === '' ? [i + 1] : []));
  if (empty.length > 0) {
    throw new DatasetError(
      'MALFORMED_FILE',
      `The CSV header has empty column names (column ${empty.join(', ')}).`,
    );
  }
  const duplicates = [...new Set(columns.filter((name, i) => columns.indexOf(name) !== i))];
  if (duplicates.length > 0) {
    throw new DatasetError(
      'MALFORMED_FILE',
      `The CSV header has duplicate column names: ${duplicates.map(quote).join(', ')}.`,
    );
  }

  for (const record of data) {
    if (record.cells.length !== columns.length) {
      throw new DatasetError(
        'RAGGED_ROW',
        `CSV line ${record.line} has ${record.cells.length} cells, the header has ${columns.length}.`,
      );
    }
  }
  return {
    columns,
    rows: data.map((record) => record.cells),
    lines: data.map((record) => record.line),
  };
}

function readFeatures(
  table: LocatedTable,
  featureNames: readonly string[],
): { X: number[][]; missingCells: MissingCell[] } {
  const indices = featureNames.map((name) => table.columns.indexOf(name));
  const missingCells: MissingCell[] = [];
  const X = table.rows.map((cells, row) =>
    indices.map((index, j) => {
      const cell = cells[index] ?? '';
      const column = featureNames[j] ?? '';
      if (isMissing(cell)) {
        missingCells.push({ row, column });
        return Number.NaN;
      }
      return toNumber(cell, table.lines[row] ?? 0, column);
    }),
  );
  return { X, missingCells };
}

function readTarget(
  table: LocatedTable,
  target: string,
  targetType: 'auto' | 'numeric' | 'categorical',
): { y: number[]; classNames?: string[] } {
  const index = table.columns.indexOf(target);
  const cells = table.rows.map((row) => row[index] ?? '');
  const missingRows = cells.flatMap((cell, row) => (isMissing(cell) ? [row] : []));
  if (missingRows.length > 0) {
    const lines = missingRows.slice(0, LIST_LIMIT).map((row) => table.lines[row]);
    throw new DatasetError(
      'MISSING_VALUE',
      `The target column ${quote(target)} has ${missingRows.length} missing cell(s) ` +
        `(line ${lines.join(', ')}${missingRows.length > LIST_LIMIT ? ', …' : ''}); ` +
        'a target value is never optional.',
    );
  }
  const numeric =
    targetType === 'numeric' ||
    (targetType === 'auto' && cells.every((cell) => NUMBER.test(cell) && Number.isFinite(+cell)));
  if (numeric) {
    return { y: cells.map((cell, row) => toNumber(cell, table.lines[row] ?? 0, target)) };
  }
  // Plain code-unit sort, not localeCompare: labels must not depend on the user's locale.
  const classNames = [...new Set(cells)].sort();
  const labelOf = new Map(classNames.map((name, label) => [name, label]));
  return { y: cells.map((cell) => labelOf.get(cell) ?? -1), classNames };
}

function toNumber(cell: string, line: number, column: string): number {
  if (!NUMBER.test(cell)) {
    throw new DatasetError(
      'NON_NUMERIC',
      `CSV line ${line}, column ${quote(column)}: ${JSON.stringify(cell)} is not a number.`,
    );
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    throw new DatasetError(
      'NON_FINITE',
      `CSV line ${line}, column ${quote(column)}: ${JSON.stringify(cell)} is out of range.`,
    );
  }
  return value;
}

function missingError(
  cells: readonly MissingCell[],
  featureNames: readonly string[],
  lines: readonly number[],
): DatasetError {
  const counts = new Map<string, number>();
  for (const { column } of cells) counts.set(column, (counts.get(column) ?? 0) + 1);
  // Feature order, so the message reads like the file.
  const perColumn = featureNames
    .filter((name) => counts.has(name))
    .map((name) => `${quote(name)} (${counts.get(name)})`);
  const more = perColumn.length > LIST_LIMIT ? ` and ${perColumn.length - LIST_LIMIT} more` : '';
  const first = cells[0];
  const where =
    first === undefined ? '' : ` First at line ${lines[first.row]}, column ${quote(first.column)}.`;
  return new DatasetError(
    'MISSING_VALUE',
    `${cells.length} missing feature cell(s) (empty, NA, NaN, null or ?) in ${perColumn.length} ` +
      `column(s): ${perColumn.slice(0, LIST_LIMIT).join(', ')}${more}.${where} ` +
      "Pass `missing: 'keep'` to keep them as NaN.",
  );
}

function isMissing(cell: string): boolean {
  return MISSING_TOKENS.has(cell.toLowerCase());
}

function lineAt(text: string, index: number): number {
  return 1 + countLineBreaks(text.slice(0, index));
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

function quote(name: string): string {
  return `'${name}'`;
}

function invalid(message: string): DatasetError {
  return new DatasetError('INVALID_OPTION', message);
}
