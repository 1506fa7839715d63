import { parseCsvTable } from '@lassonet/datasets';
import { expectErrorOf } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { applyPreprocessing } from './applyPreprocessing.js';
import { fitPreprocessing, type PreprocessOptions } from './fitPreprocessing.js';

const expectError = expectErrorOf(CliError);

/** A table from CSV lines. */
const table = (...lines: string[]) => parseCsvTable(lines.join('\n'));

const regression = (target = 'y'): PreprocessOptions => ({
  task: 'auto',
  target,
  drop: [],
  impute: 'error',
});

const std = (values: number[]) => {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
};

describe('fitPreprocessing: features', () => {
  const data = table('x,color,y', '1,red,1.5', '2,blue,2.5', '3,red,0.5', '4,green,4.25');

  it('standardizes numeric columns by mean and population std, one-hot encodes text columns', () => {
    const { spec, X, y, rows } = fitPreprocessing(data, regression());
    const scale = Math.sqrt(1.25);
    expect(spec.columns).toEqual([
      { name: 'x', type: 'numeric', center: 2.5, scale, fill: null },
      { name: 'color', type: 'categorical', categories: ['blue', 'green', 'red'], fill: null },
    ]);
    expect(spec.featureNames).toEqual(['x', 'color=blue', 'color=green', 'color=red']);
    expect(spec.groups).toEqual([[0], [1, 2, 3]]);
    expect(spec.target).toEqual({ task: 'regression', column: 'y' });
    expect(spec).toMatchObject({ version: 1, dropped: [], impute: 'error' });
    const z = (x: number) => (x - 2.5) / scale;
    expect(X).toEqual([
      [z(1), 0, 0, 1],
      [z(2), 1, 0, 0],
      [z(3), 0, 0, 1],
      [z(4), 0, 1, 0],
    ]);
    expect(y).toEqual([1.5, 2.5, 0.5, 4.25]);
    expect(rows).toEqual([0, 1, 2, 3]);
  });

  it('keeps table column order, leaves out the target and dropped columns', () => {
    const { spec } = fitPreprocessing(
      table('id,b,y,a,c', 's1,u,1.5,3,7', 's2,v,2.5,5,8', 's3,u,3.5,4,9'),
      { ...regression(), drop: ['id', 'c'] },
    );
    expect(spec.columns.map((c) => c.name)).toEqual(['b', 'a']);
    expect(spec.featureNames).toEqual(['b=u', 'b=v', 'a']);
    expect(spec.groups).toEqual([[0, 1], [2]]);
    expect(spec.dropped).toEqual(['id', 'c']);
  });

  it('turns a constant column into zeros (scale 1)', () => {
    const { spec, X } = fitPreprocessing(
      table('k,x,y', '0.1,1,1.5', '0.1,2,2.5', '0.1,3,3.5'),
      regression(),
    );
    expect(spec.columns[0]).toEqual({
      name: 'k',
      type: 'numeric',
      center: 0.1,
      scale: 1,
      fill: null,
    });
    expect(X.map((row) => row[0])).toEqual([0, 0, 0]);
  });

  it('reads a column with a non-number cell as text, and exponent notation as numbers', () => {
    const { spec } = fitPreprocessing(
      table('a,b,y', '1e2,1,1.5', '-2.5E-1,x1,2.5', '.5,2,3.5'),
      regression(),
    );
    expect(spec.columns.map((c) => c.type)).toEqual(['numeric', 'categorical']);
    expect(spec.columns[0]).toMatchObject({
      center: (100 - 0.25 + 0.5) / 3,
      scale: std([100, -0.25, 0.5]),
    });
    expect(spec.columns[1]).toMatchObject({ categories: ['1', '2', 'x1'] });
  });
});

describe('fitPreprocessing: task detection and targets', () => {
  it('detects classification for a text target, with classes in sorted order', () => {
    const { spec, y } = fitPreprocessing(
      table('x,label', '1,low', '2,high', '3,mid', '4,high'),
      regression('label'),
    );
    expect(spec.target).toEqual({
      task: 'classification',
      column: 'label',
      classes: ['high', 'low', 'mid'],
    });
    expect(y).toEqual([1, 0, 2, 0]);
  });

  it('detects classification for few integer values, ordering classes numerically', () => {
    const { spec, y } = fitPreprocessing(
      table('x,y', '1,10', '2,2', '3,1', '4,2', '5,1.0'),
      regression(),
    );
    expect(spec.target).toEqual({ task: 'classification', column: 'y', classes: ['1', '2', '10'] });
    expect(y).toEqual([2, 1, 0, 1, 0]);
  });

  it('detects regression for more than 10 distinct integers or any non-integer', () => {
    const eleven = ['x,y', ...Array.from({ length: 11 }, (_, i) => `${i},${i * i}`)];
    expect(fitPreprocessing(table(...eleven), regression()).spec.target.task).toBe('regression');
    const fractional = table('x,y', '1,0', '2,1', '3,0.5');
    const fitted = fitPreprocessing(fractional, regression());
    expect(fitted.spec.target.task).toBe('regression');
    expect(fitted.y).toEqual([0, 1, 0.5]);
  });

  it('follows an explicit task over detection', () => {
    const ints = table('x,y', '1,0', '2,1', '3,1');
    const asRegression = fitPreprocessing(ints, { ...regression(), task: 'regression' });
    expect(asRegression.spec.target.task).toBe('regression');
    expect(asRegression.y).toEqual([0, 1, 1]);
    const floats = table('x,y', '1,0.5', '2,1.5', '3,0.5');
    const asClasses = fitPreprocessing(floats, { ...regression(), task: 'classification' });
    expect(asClasses.spec.target).toEqual({
      task: 'classification',
      column: 'y',
      classes: ['0.5', '1.5'],
    });
    expect(asClasses.y).toEqual([0, 1, 0]);
  });

  it('reads cox targets as [time, event] pairs, events as 0/1, true/false or yes/no', () => {
    const { spec, y, X } = fitPreprocessing(
      table('t,x,e', '2.5,1,1', '1,2,no', '3,3,TRUE', '0.5,4,Yes', '4,5,false'),
      { task: 'cox', time: 't', event: 'e', drop: [], impute: 'error' },
    );
    expect(spec.target).toEqual({ task: 'cox', time: 't', event: 'e' });
    expect(spec.featureNames).toEqual(['x']);
    expect(y).toEqual([
      [2.5, 1],
      [1, 0],
      [3, 1],
      [0.5, 1],
      [4, 0],
    ]);
    expect(X).toHaveLength(5);
  });
});

describe('fitPreprocessing: empty cells', () => {
  const gaps = table(
    'x,color,y',
    '1,red,1.5',
    ',blue,2.5',
    '3,NA,0.5',
    '8,blue,4.5',
    '?,red,3.5',
    '4,null,5.5',
  );

  it('fills with the mean of the non-empty cells, and the most frequent category', () => {
    const { spec, X, rows } = fitPreprocessing(gaps, { ...regression(), impute: 'mean' });
    const filled = [1, 4, 3, 8, 4, 4];
    expect(spec.columns).toEqual([
      { name: 'x', type: 'numeric', center: 4, scale: std(filled), fill: 4 },
      // blue and red appear twice each: the tie goes to the first in sorted order.
      { name: 'color', type: 'categorical', categories: ['blue', 'red'], fill: 'blue' },
    ]);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5]);
    expect(X.map((row) => row[0])).toEqual(filled.map((x) => (x - 4) / std(filled)));
    expect(X.map((row) => row.slice(1))).toEqual([
      [0, 1],
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('fills with the median', () => {
    const { spec, X } = fitPreprocessing(gaps, { ...regression(), impute: 'median' });
    const filled = [1, 3.5, 3, 8, 3.5, 4];
    const center = filled.reduce((a, b) => a + b) / filled.length;
    expect(spec.columns[0]).toEqual({
      name: 'x',
      type: 'numeric',
      center,
      scale: std(filled),
      fill: 3.5,
    });
    expect(X[1]?.[0]).toBeCloseTo((3.5 - center) / std(filled), 12);
  });

  it('leaves out rows with an empty feature or target cell with impute drop', () => {
    const withTargetGap = table(
      'x,color,y',
      '1,red,1.5',
      ',blue,2.5',
      '3,red,',
      '8,blue,4.5',
      '5,red,2',
    );
    const { spec, X, y, rows } = fitPreprocessing(withTargetGap, {
      ...regression(),
      impute: 'drop',
    });
    expect(rows).toEqual([0, 3, 4]);
    expect(y).toEqual([1.5, 4.5, 2]);
    expect(spec.columns[0]).toMatchObject({ center: 14 / 3, scale: std([1, 8, 5]), fill: null });
    expect(spec.columns[1]).toMatchObject({ categories: ['blue', 'red'], fill: null });
    expect(X).toHaveLength(3);
  });

  it('fits on the rows used: a category only in a dropped row is not one', () => {
    const { spec } = fitPreprocessing(table('x,color,y', '1,red,1.5', ',green,2.5', '3,blue,0.5'), {
      ...regression(),
      impute: 'drop',
    });
    expect(spec.columns[1]).toMatchObject({ categories: ['blue', 'red'] });
  });
});

describe('fitPreprocessing then applyPreprocessing', () => {
  it('gives the same matrix on the table it was fitted on', () => {
    const data = table(
      'id,x1,color,x2,y',
      's1,0.5,red,10,1.5',
      's2,,blue,12,2.5',
      's3,-1.5,,11,0.5',
      's4,2,green,,3.25',
      's5,1,red,9,1',
    );
    for (const impute of ['mean', 'median', 'drop'] as const) {
      const fitted = fitPreprocessing(data, { ...regression(), drop: ['id'], impute });
      const applied = applyPreprocessing(fitted.spec, data);
      expect(applied.X).toEqual(fitted.X);
      expect(applied.rows).toEqual(fitted.rows);
    }
  });

  it('survives a JSON round trip of the spec', () => {
    const data = table('x,color,y', '0.1,red,1.5', '0.2,blue,2.5', '0.7,red,0.5');
    const fitted = fitPreprocessing(data, regression());
    const spec = JSON.parse(JSON.stringify(fitted.spec));
    expect(applyPreprocessing(spec, data).X).toEqual(fitted.X);
  });
});

describe('fitPreprocessing: errors', () => {
  const data = table('id,x1,x2,color,y,t,e', 's1,1,2,red,1.5,3,1', 's2,2,1,blue,2.5,4,0');

  it('needs the right target flags for the task', () => {
    expectError(
      () => fitPreprocessing(data, { task: 'cox', time: 't', drop: [], impute: 'error' }),
      'USAGE',
      /^The cox task needs --time COL and --event COL\.$/,
    );
    expectError(
      () =>
        fitPreprocessing(data, {
          task: 'cox',
          target: 'y',
          time: 't',
          event: 'e',
          drop: [],
          impute: 'error',
        }),
      'USAGE',
      /not --target/,
    );
    expectError(
      () => fitPreprocessing(data, { task: 'regression', drop: [], impute: 'error' }),
      'USAGE',
      /^The regression task needs --target COL\.$/,
    );
    expectError(
      () => fitPreprocessing(data, { task: 'auto', drop: [], impute: 'error' }),
      'USAGE',
      /--target COL .*--task cox --time COL --event COL/,
    );
    expectError(
      () => fitPreprocessing(data, { ...regression(), time: 't' }),
      'USAGE',
      /--time and --event belong to the cox task/,
    );
    expectError(
      () =>
        fitPreprocessing(data, { task: 'cox', time: 't', event: 't', drop: [], impute: 'error' }),
      'USAGE',
      /same column, t/,
    );
    expectError(
      () => fitPreprocessing(data, { ...regression(), drop: ['id', 'y'] }),
      'USAGE',
      /The target y cannot also be left out with --drop/,
    );
  });

  it('names an unknown column, the nearest one and the columns there are', () => {
    expectError(
      () => fitPreprocessing(data, regression('Y')),
      'UNKNOWN_COLUMN',
      /^The table has no column 'Y' \(--target\)\. Did you mean 'y'\? Its columns: id, x1, x2, color, y, t, e\.$/,
    );
    expectError(
      () => fitPreprocessing(data, { ...regression(), drop: ['ident'] }),
      'UNKNOWN_COLUMN',
      /no column 'ident' \(--drop\)\. Its columns:/,
    );
    expectError(
      () =>
        fitPreprocessing(data, {
          task: 'cox',
          time: 'time',
          event: 'e',
          drop: [],
          impute: 'error',
        }),
      'UNKNOWN_COLUMN',
      /no column 'time' \(--time\)/,
    );
    const wide = table(
      Array.from({ length: 30 }, (_, j) => `c${j}`).join(','),
      Array.from({ length: 30 }, () => '1').join(','),
    );
    expectError(
      () => fitPreprocessing(wide, regression('zzz')),
      'UNKNOWN_COLUMN',
      /Its columns: c0, c1, .*, c9, … and 20 more\.$/,
    );
  });

  it('refuses a table without rows or without feature columns', () => {
    expectError(
      () => fitPreprocessing({ columns: ['x', 'y'], rows: [] }, regression()),
      'EMPTY_DATA',
      /no data rows/,
    );
    expectError(
      () => fitPreprocessing(table('id,y', 'a,1', 'b,2'), { ...regression(), drop: ['id'] }),
      'EMPTY_DATA',
      /No feature columns are left/,
    );
    expectError(
      () =>
        fitPreprocessing(table('a,b,y', '1,,1', ',2,2', '3,4,'), {
          ...regression(),
          impute: 'drop',
        }),
      'EMPTY_DATA',
      /--impute drop leaves no rows \(empty cells in y \(1\), a \(1\), b \(1\)\)/,
    );
  });

  it('refuses a text column with more than 50 values, pointing at --drop', () => {
    const lines = ['name,x,y', ...Array.from({ length: 51 }, (_, i) => `p${i},${i},${i % 7}.5`)];
    expectError(
      () => fitPreprocessing(table(...lines), regression()),
      'INVALID_DATA',
      /^Column name has 51 distinct text values: one-hot encoding it would add 51 features\. Leave it out with --drop name/,
    );
    expect(
      fitPreprocessing(table(...lines), { ...regression(), drop: ['name'] }).spec.featureNames,
    ).toEqual(['x']);
  });

  it('points at the stray cell of an otherwise numeric column', () => {
    const lines = [
      'x,y',
      ...Array.from({ length: 60 }, (_, i) => `${i === 17 ? 'n/a' : i},${i}.5`),
    ];
    expectError(
      () => fitPreprocessing(table(...lines), regression()),
      'INVALID_DATA',
      /^Column x is numeric except for 'n\/a' in row 18, so it was read as text with 60 distinct values.*Fix that cell, or leave the column out with --drop x\.$/,
    );
  });

  it('refuses a feature column with only empty cells', () => {
    expectError(
      () => fitPreprocessing(table('x,notes,y', '1,,1.5', '2,NA,2.5'), regression()),
      'INVALID_DATA',
      /^Column notes has only empty cells: leave it out with --drop notes\.$/,
    );
  });

  it('names the columns with empty cells and their counts', () => {
    const gaps = table(
      'x1,x3,color,y',
      '1,,red,1',
      '2,,,2',
      '3,na,blue,3',
      '4,?,,4',
      '5,1,red,5',
      '6,2,green,6',
    );
    expectError(
      () => fitPreprocessing(gaps, regression()),
      'MISSING_VALUES',
      /^Empty cells in x3 \(4\), color \(2\): fill them, or choose --impute mean\|median\|drop\.$/,
    );
  });

  it('never imputes a target', () => {
    const gaps = table('x,y', '1,1.5', '2,', '3,2.5', '4,NaN');
    for (const impute of ['error', 'mean', 'median'] as const) {
      expectError(
        () => fitPreprocessing(gaps, { ...regression(), impute }),
        'MISSING_VALUES',
        /^The target y has 2 empty cells \(rows 2, 4\): a target is never imputed; .*--impute drop\.$/,
      );
    }
    expectError(
      () =>
        fitPreprocessing(table('x,t,e', '1,2,1', '2,,0'), {
          task: 'cox',
          time: 't',
          event: 'e',
          drop: [],
          impute: 'mean',
        }),
      'MISSING_VALUES',
      /^The time column t has 1 empty cell \(row 2\)/,
    );
  });

  it('refuses a regression target that is constant, empty or not numeric', () => {
    expectError(
      () => fitPreprocessing(table('x,y', '1,3.5', '2,3.50', '3,3.5'), regression()),
      'INVALID_TARGET',
      /^The target y is constant \(every row is 3\.5\): there is nothing to learn\.$/,
    );
    expectError(
      () => fitPreprocessing(table('x,y', '1,', '2,NA'), { ...regression(), impute: 'drop' }),
      'INVALID_TARGET',
      /^The target y has only empty cells\.$/,
    );
    expectError(
      () =>
        fitPreprocessing(table('x,y', '1,1.5', '2,abc', '3,2'), {
          ...regression(),
          task: 'regression',
        }),
      'INVALID_TARGET',
      /^The target y is not numeric: row 2 has 'abc'/,
    );
  });

  it('refuses a classification target with one class', () => {
    expectError(
      () => fitPreprocessing(table('x,label', '1,high', '2,high'), regression('label')),
      'INVALID_TARGET',
      /^The target label is constant \(every row is 'high'\)/,
    );
  });

  it('checks survival times and events', () => {
    const cox = (...lines: string[]) =>
      fitPreprocessing(table('x,t,e', ...lines), {
        task: 'cox',
        time: 't',
        event: 'e',
        drop: [],
        impute: 'error',
      });
    expectError(
      () => cox('1,2,1', '2,soon,0'),
      'INVALID_TARGET',
      /^The time column t is not numeric: row 2 has 'soon'\.$/,
    );
    expectError(
      () => cox('1,2,1', '2,0,0'),
      'INVALID_TARGET',
      /^Survival times must be positive: the time column t has 0 in row 2\.$/,
    );
    expectError(
      () => cox('1,2,1', '2,3,2'),
      'INVALID_TARGET',
      /^The event column e must be 0 or 1 \(or true\/false, yes\/no\): row 2 has '2'\.$/,
    );
    expectError(
      () => cox('1,2,0', '2,3,no'),
      'INVALID_TARGET',
      /^The event column e has no events/,
    );
  });
});
