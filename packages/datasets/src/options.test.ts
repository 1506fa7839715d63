import { describe, expect, it } from 'vitest';
import {
  booleanOption,
  describeValue,
  integerOption,
  numberOption,
  readOptions,
  seedOption,
} from './options.js';
import { expectDatasetError } from './test-utils/expectDatasetError.js';

describe('readOptions', () => {
  it('returns {} for undefined and the object itself otherwise', () => {
    expect(readOptions<{ a?: number }>(undefined, ['a'], 'f')).toEqual({});
    const opts = { a: 1 };
    expect(readOptions(opts, ['a'], 'f')).toBe(opts);
  });

  it('rejects unknown names and non-objects', () => {
    const typo = { a: 1, b: 2 } as { a?: number };
    expectDatasetError(() => readOptions(typo, ['a'], 'f'), 'UNKNOWN_OPTION', "'b'", 'for f');
    const bad = [1] as unknown as { a?: number };
    expectDatasetError(
      () => readOptions(bad, ['a'], 'f'),
      'INVALID_OPTION',
      'f: options must be an object',
    );
    const nul = null as unknown as { a?: number };
    expectDatasetError(() => readOptions(nul, ['a'], 'f'), 'INVALID_OPTION', 'got null');
  });
});

describe('option values', () => {
  it('applies defaults only for undefined', () => {
    expect(integerOption('f', 'k', undefined, 5, 2)).toBe(5);
    expect(integerOption('f', 'k', 3, 5, 2)).toBe(3);
    expectDatasetError(() => integerOption('f', 'k', null, 5, 2), 'INVALID_OPTION', 'got null');
    expect(numberOption('f', 'x', undefined, 0.5)).toBe(0.5);
    expect(booleanOption('f', 'b', undefined, true)).toBe(true);
    expect(booleanOption('f', 'b', false, true)).toBe(false);
    expect(seedOption('f', undefined)).toBe(0);
    expect(seedOption('f', -7)).toBe(-7);
  });

  it('names the function, option and value it rejects', () => {
    expectDatasetError(
      () => integerOption('f', 'k', 1, 5, 2),
      'INVALID_OPTION',
      'f: k must be an integer >= 2, got 1.',
    );
    expectDatasetError(
      () => integerOption('f', 'k', 2.5, 5, 2, 9),
      'INVALID_OPTION',
      'in [2, 9], got 2.5',
    );
    expectDatasetError(
      () => numberOption('f', 'x', Number.NaN, 0, 0),
      'INVALID_OPTION',
      'x must be a finite number >= 0, got NaN',
    );
    expectDatasetError(
      () => numberOption('f', 'x', 2, 0, 0, 1),
      'INVALID_OPTION',
      'in [0, 1], got 2',
    );
    expectDatasetError(
      () => booleanOption('f', 'b', 'yes', true),
      'INVALID_OPTION',
      "b must be true or false, got 'yes'",
    );
    expectDatasetError(
      () => seedOption('f', 0.5),
      'INVALID_OPTION',
      'seed must be an integer, got 0.5',
    );
  });

  it('describes values briefly', () => {
    expect(describeValue([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, 5, …]');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(undefined)).toBe('undefined');
  });
});
