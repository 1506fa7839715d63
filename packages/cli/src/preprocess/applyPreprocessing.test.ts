import { parseCsvTable } from '@lassonet/datasets';
import { expectErrorOf } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { applyPreprocessing } from './applyPreprocessing.js';
import type { ImputeStrategy, PreprocessingSpec } from './spec.js';

const expectError = expectErrorOf(CliError);

const table = (...lines: string[]) => parseCsvTable(lines.join('\n'));

/** x standardized by center 2, scale 4; color one-hot over blue, red. */
function spec(impute: ImputeStrategy = 'error'): PreprocessingSpec {
  const fills = impute === 'mean' || impute === 'median';
  return {
    version: 1,
    target: { task: 'regression', column: 'y' },
    dropped: ['id'],
    impute,
    columns: [
      { name: 'x', type: 'numeric', center: 2, scale: 4, fill: fills ? 6 : null },
      {
        name: 'color',
        type: 'categorical',
        categories: ['blue', 'red'],
        fill: fills ? 'red' : null,
      },
    ],
    featureNames: ['x', 'color=blue', 'color=red'],
    groups: [[0], [1, 2]],
  };
}

describe('applyPreprocessing', () => {
  it('standardizes and one-hot encodes by the spec, ignoring targets and extra columns', () => {
    const { X, rows } = applyPreprocessing(
      spec(),
      table('color,extra,x,y', 'red,a,2,1', 'blue,b,10,2', 'red,c,-2,3'),
    );
    expect(X).toEqual([
      [0, 0, 1],
      [2, 1, 0],
      [-1, 0, 1],
    ]);
    expect(rows).toEqual([0, 1, 2]);
  });

  it('needs no target column', () => {
    expect(applyPreprocessing(spec(), table('x,color', '6,blue')).X).toEqual([[1, 1, 0]]);
  });

  it('fills empty cells with the fitted fill values', () => {
    const { X, rows } = applyPreprocessing(spec('mean'), table('x,color', ',blue', '4,NA', '?,'));
    expect(X).toEqual([
      [1, 1, 0],
      [0.5, 0, 1],
      [1, 0, 1],
    ]);
    expect(rows).toEqual([0, 1, 2]);
  });

  it('leaves out incomplete rows with impute drop, whatever their other cells', () => {
    const { X, rows } = applyPreprocessing(
      spec('drop'),
      table('x,color', '2,red', ',purple', 'abc,', '6,blue'),
    );
    expect(X).toEqual([
      [0, 0, 1],
      [1, 1, 0],
    ]);
    expect(rows).toEqual([0, 3]);
  });

  it('refuses empty cells with impute error, naming columns and counts', () => {
    expectError(
      () => applyPreprocessing(spec(), table('x,color', ',red', 'NaN,', '1,blue')),
      'MISSING_VALUES',
      /^Empty cells in x \(2\), color \(1\): the model was fitted with --impute error, so fill them/,
    );
  });

  it('refuses a table without a column the model was fitted on', () => {
    expectError(
      () => applyPreprocessing(spec(), table('color,y', 'red,1')),
      'INVALID_DATA',
      /^The table has no column 'x', which the model was fitted on\.$/,
    );
    expectError(
      () => applyPreprocessing(spec(), table('y', '1')),
      'INVALID_DATA',
      /^The table has no columns 'x', 'color', which/,
    );
  });

  it('refuses a category the model has not seen, listing the known ones', () => {
    expectError(
      () => applyPreprocessing(spec(), table('x,color', '1,red', '2,purple')),
      'INVALID_DATA',
      /^Row 2, column color: 'purple' is not a category the model was fitted on \('blue', 'red'\)\.$/,
    );
  });

  it('refuses a non-numeric cell in a numeric column', () => {
    expectError(
      () => applyPreprocessing(spec('mean'), table('x,color', '1,red', '0x1F,blue')),
      'INVALID_DATA',
      /^Row 2, column x: '0x1F' is not a number/,
    );
  });
});
