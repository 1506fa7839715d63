import { nearestName } from '@lassonet/core';
import type { CsvTable } from '@lassonet/datasets';
import { CliError } from '../errors.js';
import { applyPreprocessing } from './applyPreprocessing.js';
import { cellNumber, emptyCounts, isEmptyCell, listOf, quote, rowList } from './cells.js';
import {
  type ColumnSpec,
  featureLayout,
  type ImputeStrategy,
  PREPROCESSING_VERSION,
  type PreprocessingSpec,
  type TargetSpec,
  type Task,
} from './spec.js';

/** What to fit: the task and its target column(s), columns to leave out, empty-cell handling. */
export interface PreprocessOptions {
  /** 'auto' (with `target`): classification for text or few integer values, else regression. */
  task: 'auto' | Task;
  /** The target column of regression and classification. */
  target?: string;
  /** The survival time and event (0/1) columns of the cox task. */
  time?: string;
  event?: string;
  /** Columns that are not features (an id column, say). */
  drop: readonly string[];
  impute: ImputeStrategy;
}

/** A fitted preprocessing and the data it gives for training. */
export interface FittedPreprocessing {
  spec: PreprocessingSpec;
  /** Features of the rows used, one column per `spec.featureNames` entry. */
  X: number[][];
  /** Regression: numbers; classification: labels 0..K-1; cox: `[time, event]` per row. */
  y: number[] | number[][];
  /** 0-based indices of the table rows used (all of them unless impute is 'drop'). */
  rows: number[];
}

// More categories than this is rather an identifier or free text than a category.
const MAX_CATEGORIES = 50;
// A numeric target with integer values and at most this many of them reads as class labels.
const MAX_AUTO_CLASSES = 10;

/**
 * Fits the preprocessing of a table: picks the target and feature columns, standardizes numeric
 * columns, one-hot encodes text columns (one group per column), and fills or drops empty cells.
 * Throws a CliError (USAGE, UNKNOWN_COLUMN, EMPTY_DATA, MISSING_VALUES, INVALID_TARGET,
 * INVALID_DATA) whose one-line message names the column and, for a bad cell, the data row.
 */
export function fitPreprocessing(table: CsvTable, options: PreprocessOptions): FittedPreprocessing {
  const { impute } = options;
  const roles = targetRoles(options);
  const drop = [...new Set(options.drop)];
  for (const { column, flag } of roles) checkColumn(table.columns, column, flag);
  for (const column of drop) checkColumn(table.columns, column, '--drop');
  for (const { column, label } of roles) {
    if (drop.includes(column)) {
      throw new CliError('USAGE', `${label} ${column} cannot also be left out with --drop.`);
    }
  }
  if (table.rows.length === 0) throw new CliError('EMPTY_DATA', 'The table has no data rows.');

  const targetNames = roles.map((role) => role.column);
  const featureNames = table.columns.filter(
    (name) => !targetNames.includes(name) && !drop.includes(name),
  );
  if (featureNames.length === 0) {
    throw new CliError(
      'EMPTY_DATA',
      'No feature columns are left: every column is a target or left out with --drop.',
    );
  }

  const cellsOf = (name: string): string[] => {
    const index = table.columns.indexOf(name);
    return table.rows.map((cells) => cells[index] ?? '');
  };
  const emptyRowsOf = (cells: readonly string[]): number[] =>
    cells.flatMap((cell, row) => (isEmptyCell(cell) ? [row] : []));

  const targetCells = roles.map((role) => cellsOf(role.column));
  roles.forEach(({ column, label }, k) => {
    const empty = emptyRowsOf(targetCells[k] ?? []);
    if (empty.length === table.rows.length) {
      throw new CliError('INVALID_TARGET', `${label} ${column} has only empty cells.`);
    }
    if (empty.length > 0 && impute !== 'drop') {
      throw new CliError(
        'MISSING_VALUES',
        `${label} ${column} has ${empty.length} empty ${empty.length === 1 ? 'cell' : 'cells'} ` +
          `(${rowList(empty)}): a target is never imputed; fill them, or leave those rows out with --impute drop.`,
      );
    }
  });

  const featureCells = featureNames.map(cellsOf);
  const emptyCount = new Map<string, number>();
  featureNames.forEach((name, j) => {
    const empty = emptyRowsOf(featureCells[j] ?? []).length;
    if (empty === table.rows.length) {
      throw new CliError(
        'INVALID_DATA',
        `Column ${name} has only empty cells: leave it out with --drop ${name}.`,
      );
    }
    emptyCount.set(name, empty);
  });
  const anyEmpty = [...emptyCount.values()].some((n) => n > 0);
  if (anyEmpty && impute === 'error') {
    throw new CliError(
      'MISSING_VALUES',
      `Empty cells in ${emptyCounts(emptyCount)}: fill them, or choose --impute mean|median|drop.`,
    );
  }

  const allCells = [...targetCells, ...featureCells];
  const rows = table.rows
    .map((_, row) => row)
    .filter((row) => impute !== 'drop' || !allCells.some((cells) => isEmptyCell(cells[row] ?? '')));
  if (rows.length === 0) {
    const counts = new Map(
      [...targetNames, ...featureNames].map((name, k) => [
        name,
        emptyRowsOf(allCells[k] ?? []).length,
      ]),
    );
    throw new CliError(
      'EMPTY_DATA',
      `Every row has an empty cell, so --impute drop leaves no rows (empty cells in ${emptyCounts(counts)}).`,
    );
  }
  const used = (cells: readonly string[]): Cell[] =>
    rows.map((row) => ({ text: cells[row] ?? '', row }));

  const { target, y } = fitTarget(
    options.task,
    roles,
    targetCells.map((cells) => used(cells)),
  );
  const columns = featureNames.map((name, j) =>
    fitColumn(name, used(featureCells[j] ?? []), impute),
  );
  const spec: PreprocessingSpec = {
    version: PREPROCESSING_VERSION,
    target,
    dropped: drop,
    impute,
    columns,
    ...featureLayout(columns),
  };
  // The very transformation predict applies, so that training and prediction cannot drift apart.
  const { X } = applyPreprocessing(spec, {
    columns: table.columns,
    rows: rows.map((row) => table.rows[row] ?? []),
  });
  return { spec, X, y, rows };
}

/** A cell of a row used, with its 0-based table row (for messages). */
interface Cell {
  text: string;
  row: number;
}

/** A target column, the flag that named it, and how messages call it. */
interface TargetRole {
  column: string;
  flag: '--target' | '--time' | '--event';
  label: string;
}

function targetRoles(options: PreprocessOptions): TargetRole[] {
  const { task, target, time, event } = options;
  if (task === 'cox') {
    if (target !== undefined) {
      throw new CliError('USAGE', 'The cox task takes --time COL and --event COL, not --target.');
    }
    if (time === undefined || event === undefined) {
      throw new CliError('USAGE', 'The cox task needs --time COL and --event COL.');
    }
    if (time === event) {
      throw new CliError('USAGE', `--time and --event name the same column, ${time}.`);
    }
    return [
      { column: time, flag: '--time', label: 'The time column' },
      { column: event, flag: '--event', label: 'The event column' },
    ];
  }
  if (time !== undefined || event !== undefined) {
    throw new CliError(
      'USAGE',
      `--time and --event belong to the cox task (--task cox), not to ${task === 'auto' ? 'a --target task' : `the ${task} task`}.`,
    );
  }
  if (target === undefined) {
    throw new CliError(
      'USAGE',
      task === 'auto'
        ? 'Name the target column with --target COL (or, for survival data, --task cox --time COL --event COL).'
        : `The ${task} task needs --target COL.`,
    );
  }
  return [{ column: target, flag: '--target', label: 'The target' }];
}

function checkColumn(columns: readonly string[], name: string, flag: string): void {
  if (columns.includes(name)) return;
  const near = nearestName(name, columns);
  throw new CliError(
    'UNKNOWN_COLUMN',
    `The table has no column ${quote(name)} (${flag}).${near === undefined ? '' : ` Did you mean ${quote(near)}?`} ` +
      `Its columns: ${listOf(columns)}.`,
  );
}

function fitTarget(
  task: 'auto' | Task,
  roles: readonly TargetRole[],
  cells: readonly Cell[][],
): { target: TargetSpec; y: number[] | number[][] } {
  if (task === 'cox') {
    const [timeRole, eventRole] = roles as [TargetRole, TargetRole];
    const [timeCells = [], eventCells = []] = cells;
    const times = timeCells.map((cell) => {
      const value = cellNumber(cell.text);
      if (value === undefined) {
        throw new CliError(
          'INVALID_TARGET',
          `The time column ${timeRole.column} is not numeric: row ${cell.row + 1} has ${quote(cell.text)}.`,
        );
      }
      if (value <= 0) {
        throw new CliError(
          'INVALID_TARGET',
          `Survival times must be positive: the time column ${timeRole.column} has ${value} in row ${cell.row + 1}.`,
        );
      }
      return value;
    });
    const events = eventCells.map((cell) => {
      const value = eventValue(cell.text);
      if (value === undefined) {
        throw new CliError(
          'INVALID_TARGET',
          `The event column ${eventRole.column} must be 0 or 1 (or true/false, yes/no): ` +
            `row ${cell.row + 1} has ${quote(cell.text)}.`,
        );
      }
      return value;
    });
    if (!events.includes(1)) {
      throw new CliError(
        'INVALID_TARGET',
        `The event column ${eventRole.column} has no events (every row is censored, 0): ` +
          'a Cox model needs at least one.',
      );
    }
    return {
      target: { task: 'cox', time: timeRole.column, event: eventRole.column },
      y: times.map((time, i) => [time, events[i] ?? 0]),
    };
  }

  const [role] = roles as [TargetRole];
  const [targetCells = []] = cells;
  const column = role.column;
  const numbers = targetCells.map((cell) => cellNumber(cell.text));
  const values = numbers.every((value) => value !== undefined) ? (numbers as number[]) : undefined;
  const texts = targetCells.map((cell) => cell.text);
  // Numeric classes in numeric order and spelled one way (1 and 1.0 are one class); text
  // classes in plain code-unit order, which does not depend on the user's locale.
  const classes =
    values !== undefined
      ? [...new Set(values)].sort((a, b) => a - b).map(String)
      : [...new Set(texts)].sort();
  if (classes.length === 1) {
    const only = values === undefined ? quote(texts[0] ?? '') : String(values[0]);
    throw new CliError(
      'INVALID_TARGET',
      `The target ${column} is constant (every row is ${only}): there is nothing to learn.`,
    );
  }
  const classification =
    task === 'classification' ||
    (task === 'auto' &&
      (values === undefined ||
        (classes.length <= MAX_AUTO_CLASSES && values.every((value) => Number.isInteger(value)))));

  if (!classification) {
    if (values === undefined) {
      const cell = targetCells[numbers.indexOf(undefined)];
      throw new CliError(
        'INVALID_TARGET',
        `The target ${column} is not numeric: row ${(cell?.row ?? 0) + 1} has ${quote(cell?.text ?? '')} ` +
          '(for class labels, use --task classification).',
      );
    }
    return { target: { task: 'regression', column }, y: values };
  }
  const keys = values === undefined ? texts : values.map(String);
  const label = new Map(classes.map((name, k) => [name, k]));
  return {
    target: { task: 'classification', column, classes },
    y: keys.map((key) => label.get(key) ?? -1),
  };
}

function eventValue(text: string): 0 | 1 | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'yes') return 1;
  if (lower === 'false' || lower === 'no') return 0;
  const value = cellNumber(text);
  return value === 1 || value === 0 ? value : undefined;
}

function fitColumn(name: string, cells: readonly Cell[], impute: ImputeStrategy): ColumnSpec {
  const present = cells.filter((cell) => !isEmptyCell(cell.text));
  const numbers = present.map((cell) => cellNumber(cell.text));
  const fills = impute === 'mean' || impute === 'median';

  if (numbers.every((value) => value !== undefined)) {
    const values = numbers as number[];
    const fill = !fills ? null : impute === 'mean' ? mean(values) : median(values);
    // Every used cell in row order, an empty one as the fill value.
    let k = 0;
    const filled = cells.map((cell) =>
      isEmptyCell(cell.text) ? (fill ?? 0) : ((values[k++] as number) ?? 0),
    );
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const x of filled) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    // A constant column becomes exactly 0: centered on its value, scale 1.
    if (min === max) return { name, type: 'numeric', center: min, scale: 1, fill };
    const center = mean(filled);
    const scale = Math.sqrt(mean(filled.map((x) => (x - center) ** 2)));
    return { name, type: 'numeric', center, scale, fill };
  }

  const counts = new Map<string, number>();
  for (const cell of present) counts.set(cell.text, (counts.get(cell.text) ?? 0) + 1);
  const categories = [...counts.keys()].sort();
  if (categories.length > MAX_CATEGORIES) {
    const text = present.filter((_, i) => numbers[i] === undefined);
    const first = text[0];
    // A stray word in a column of numbers turns it into text; point at it rather than at --drop.
    const stray = first !== undefined && text.length * 10 <= present.length;
    throw new CliError(
      'INVALID_DATA',
      stray
        ? `Column ${name} is numeric except for ${quote(first.text)} in row ${first.row + 1}, so it was read as text ` +
            `with ${categories.length} distinct values: one-hot encoding it would add ${categories.length} features. ` +
            `Fix that cell, or leave the column out with --drop ${name}.`
        : `Column ${name} has ${categories.length} distinct text values: one-hot encoding it would add ` +
            `${categories.length} features. Leave it out with --drop ${name} (an id column, say).`,
    );
  }
  let fill: string | null = null;
  if (fills) {
    // Most frequent; ties go to the first in sorted order.
    let best = 0;
    for (const category of categories) {
      const n = counts.get(category) ?? 0;
      if (n > best) {
        best = n;
        fill = category;
      }
    }
  }
  return { name, type: 'categorical', categories, fill };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
