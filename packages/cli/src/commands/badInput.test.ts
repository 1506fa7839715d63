import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  exampleArgs,
  filesIn,
  lassonet,
  QUICK,
  tempDir,
} from '../test-utils/runBuilt.js';

const dir = tempDir('lassonet-bad-');
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const regression = join(EXAMPLES, 'regression.csv');

/** Every bad input: one line on stderr, exit code 2, nothing on stdout, no file written. */
function expectRejected(args: readonly string[], message: RegExp): void {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const run = lassonet([...args, '--out', out]);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(filesIn(out)).toEqual([]);
}

describe('bad input: one line, exit code 2, nothing half-written', () => {
  let model: string;

  beforeAll(() => {
    const out = join(dir, 'fitted');
    const run = lassonet([
      'path',
      ...exampleArgs('regression', 'mean'),
      '--n-iters',
      '50,5',
      '--out',
      out,
      ...QUICK,
    ]);
    expect(run.code).toBe(0);
    model = join(out, 'model.json');
  });

  it('a missing or unreadable file', () => {
    expectRejected(
      ['path', join(dir, 'nope.csv'), '--target', 'y'],
      /Cannot read the table .*nope\.csv: no such file/,
    );
    mkdirSync(join(dir, 'folder.csv'), { recursive: true });
    expectRejected(['path', join(dir, 'folder.csv'), '--target', 'y'], /it is a directory/);
    expectRejected(['predict', join(dir, 'nope.json'), regression], /Cannot read the model file/);
  });

  it('an empty table, or one with a header only', () => {
    expectRejected(
      ['path', write('empty.csv', ''), '--target', 'y'],
      /empty\.csv: The CSV is empty\./,
    );
    expectRejected(
      ['path', write('header.csv', 'a,b,y\n'), '--target', 'y'],
      /no data rows|empty/i,
    );
  });

  it('an unknown target or column, with the nearest name', () => {
    expectRejected(['path', regression, '--target', 'Y', '--drop', 'id'], /'Y'.*did you mean 'y'/i);
    expectRejected(['path', regression, '--target', 'y', '--drop', 'idd'], /'idd'/);
    expectRejected(['path', regression, '--time', 'tme', '--event', 'y', '--drop', 'id'], /'tme'/);
  });

  it('a constant or all-empty target', () => {
    const constant = write('constant.csv', 'a,b,y\n1,2,5\n2,3,5\n3,1,5\n4,4,5\n');
    expectRejected(['path', constant, '--target', 'y', '--task', 'regression'], /constant/);
    const blank = write('blank.csv', 'a,b,y\n1,2,\n2,3,\n3,1,\n');
    expectRejected(
      ['path', blank, '--target', 'y', '--impute', 'drop'],
      /^The target y has only empty cells\.$/m,
    );
    const gap = write('gap.csv', 'a,b,y\n1,2,\n2,3,4\n3,1,5\n');
    expectRejected(
      ['path', gap, '--target', 'y', '--impute', 'mean'],
      /The target y has 1 empty cell \(row 1\): a target is never imputed/,
    );
  });

  it('empty cells without --impute, naming the columns and counts', () => {
    expectRejected(
      ['path', regression, '--target', 'y', '--drop', 'id'],
      /Empty cells in .*x\d+ \(\d+\).*--impute/,
    );
  });

  it('too few rows for the folds', () => {
    const tiny = write('tiny.csv', 'a,b,y\n1,2,0.5\n2,3,1.5\n3,1,2.5\n');
    expectRejected(['cv', tiny, '--target', 'y', '--folds', '5', ...QUICK], /5 rows|at least 5/);
  });

  it('an unknown option or command, with the nearest name', () => {
    expectRejected(
      ['path', regression, '--target', 'y', '--hiden-dims', '8'],
      /Unknown option --hiden-dims .*did you mean --hidden-dims/,
    );
    expectRejected(
      ['path', regression, '--target', 'y', '--backend', 'gpu'],
      /--backend must be one of auto, wasm, cpu, got 'gpu'/,
    );
    expectRejected(
      ['path', regression, '--target', 'y', '--path-multiplier', '0.9'],
      /--path-multiplier must be a finite number > 1, got 0\.9/,
    );
    expectRejected(
      ['path', ...exampleArgs('regression', 'mean'), '--class-weight', '1,2'],
      /--class-weight does not apply to the regression task/,
    );
    expectRejected(['pth', regression], /Unknown command 'pth' \(did you mean 'path'\?\)/);
    expectRejected(['path', '--target', 'y'], /needs a CSV file/);
  });

  it('a corrupt, foreign or newer model file', () => {
    expectRejected(
      ['predict', write('corrupt.json', '{"format": "lassonet-mo'), regression],
      /not valid JSON/,
    );
    expectRejected(
      ['predict', write('foreign.json', '{"weights": [1, 2]}'), regression],
      /not a lassonet model file/,
    );
    expectRejected(
      [
        'predict',
        write('newer.json', JSON.stringify({ format: 'lassonet-model', version: 2 })),
        regression,
      ],
      /version 2, which this lassonet cannot read/,
    );
  });

  it('a table without a column the model was fitted on, or with a new category', () => {
    const lines = (header: string, row: string) => `${header}\n${row}\n`;
    const missing = write(
      'missing-column.csv',
      lines('x1,x2,x4,x5,x6,x7,x8,x9,x10,color', '0,0,0,0,0,0,0,0,0,red'),
    );
    expectRejected(['predict', model, missing], /no column 'x3'/);
    const unseen = write(
      'unseen.csv',
      lines('x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,color', '0,0,0,0,0,0,0,0,0,0,purple'),
    );
    expectRejected(['predict', model, unseen], /purple/);
  });
});
