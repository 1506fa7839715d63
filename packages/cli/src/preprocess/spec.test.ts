import { expectErrorOf } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { featureLayout, type PreprocessingSpec, readPreprocessingSpec } from './spec.js';

const expectError = expectErrorOf(CliError);

const valid = (): PreprocessingSpec => ({
  version: 1,
  target: { task: 'classification', column: 'label', classes: ['high', 'low'] },
  dropped: ['id'],
  impute: 'mean',
  columns: [
    { name: 'x1', type: 'numeric', center: 0.5, scale: 2, fill: 0.5 },
    { name: 'color', type: 'categorical', categories: ['blue', 'red'], fill: 'red' },
    { name: 'x2', type: 'numeric', center: -1, scale: 1, fill: -1 },
  ],
  featureNames: ['x1', 'color=blue', 'color=red', 'x2'],
  groups: [[0], [1, 2], [3]],
});

/** A valid spec with one part replaced, as read from JSON. */
const edited = (edit: (spec: Record<string, unknown>) => void): unknown => {
  const spec = JSON.parse(JSON.stringify(valid()));
  edit(spec);
  return spec;
};

describe('featureLayout', () => {
  it('names numeric columns as themselves and categories as column=value, one group per column', () => {
    expect(featureLayout(valid().columns)).toEqual({
      featureNames: ['x1', 'color=blue', 'color=red', 'x2'],
      groups: [[0], [1, 2], [3]],
    });
  });
});

describe('readPreprocessingSpec', () => {
  it('returns a valid spec read back from JSON', () => {
    expect(readPreprocessingSpec(JSON.parse(JSON.stringify(valid())))).toEqual(valid());
    const cox = edited((s) => {
      s.target = { task: 'cox', time: 't', event: 'e' };
      s.impute = 'drop';
      for (const column of s.columns as { fill: unknown }[]) column.fill = null;
    });
    expect(readPreprocessingSpec(cox)).toMatchObject({ target: { task: 'cox' }, impute: 'drop' });
  });

  it('accepts groups that merge columns, as a groups file does', () => {
    const merged = edited((s) => {
      s.groups = [
        [0, 3],
        [1, 2],
      ];
    });
    expect(readPreprocessingSpec(merged).groups).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it('refuses another version', () => {
    expectError(
      () => readPreprocessingSpec(edited((s) => (s.version = 2))),
      'INVALID_MODEL',
      /^The model's preprocessing version 2 is not supported \(this lassonet reads version 1\)\.$/,
    );
    expectError(
      () => readPreprocessingSpec(edited((s) => delete s.version)),
      'INVALID_MODEL',
      /invalid: version is missing\.$/,
    );
  });

  it('names what is wrong, and where', () => {
    const cases: [unknown, RegExp][] = [
      [null, /invalid: it must be an object\.$/],
      [
        edited((s) => (s.impute = 'zero')),
        /impute must be one of 'error', 'mean', 'median', 'drop'/,
      ],
      [edited((s) => (s.extra = 1)), /invalid: extra is not a known field\.$/],
      [edited((s) => delete s.dropped), /invalid: dropped is missing\.$/],
      [
        edited((s) => delete (s.target as Record<string, unknown>).classes),
        /invalid: target\.classes is missing\.$/,
      ],
      [
        edited((s) => (((s.columns as { scale: number }[])[0] as { scale: number }).scale = 0)),
        /invalid: columns\[0\]\.scale must be a positive number\.$/,
      ],
      [
        edited((s) => (((s.columns as { type: string }[])[1] as { type: string }).type = 'text')),
        /columns\[1\]\.type must be 'numeric', 'categorical'/,
      ],
      [
        edited((s) => (s.target = { task: 'survival', column: 'y' })),
        /target\.task must be 'regression', 'classification', 'cox'/,
      ],
      [
        edited((s) => (s.target = { task: 'classification', column: 'label', classes: ['a'] })),
        /target\.classes must list at least two classes/,
      ],
      [
        edited((s) => (s.target = { task: 'regression', column: 'x2' })),
        /columns must not include a target column/,
      ],
      [
        edited((s) => (s.featureNames = ['x1', 'blue', 'red', 'x2'])),
        /featureNames must be the names of the columns and their categories/,
      ],
      [
        edited((s) => (s.groups = [[0], [1, 2]])),
        /groups must hold every feature index exactly once/,
      ],
      [edited((s) => (s.groups = [[0, 1], [1, 2], [3]])), /groups must hold every feature index/],
      [edited((s) => (s.groups = [[0], [1.5], [3]])), /groups\[1\]\[0\] must be a feature index/],
      [
        edited(
          (s) => (((s.columns as { fill: unknown }[])[1] as { fill: unknown }).fill = 'green'),
        ),
        /columns must give every column a fill value/,
      ],
      [edited((s) => (s.impute = 'error')), /columns must give every column a fill value/],
    ];
    for (const [value, message] of cases) {
      expectError(() => readPreprocessingSpec(value), 'INVALID_MODEL', message);
    }
  });
});
