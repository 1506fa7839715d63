import { describe, expect, it } from 'vitest';
import { checkCase } from './checkCase.js';
import { fromVector } from './tensorData.js';

describe('checkCase', () => {
  it('passes when every result is within tolerance', () => {
    const verdict = checkCase({
      results: [
        { label: 'floats', actual: fromVector([1.000001]), expected: fromVector([1]) },
        { label: 'ints', actual: fromVector([3], 'int32'), expected: fromVector([3], 'int32') },
      ],
    });
    expect(verdict.ok).toBe(true);
    expect(verdict.message).toMatch(/^ok floats: .*\nok ints: /);
  });

  it('compares int32 and bool results exactly, listing failures first', () => {
    const verdict = checkCase({
      results: [
        { label: 'floats', actual: fromVector([1.000001]), expected: fromVector([1]) },
        {
          label: 'mask',
          actual: fromVector([1.000001], 'bool'),
          expected: fromVector([1], 'bool'),
        },
      ],
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(/^FAILED mask: 1 of 1 values .*\nok floats/);
  });

  it('uses the tolerance it is given for floats', () => {
    const output = {
      results: [{ label: 'x', actual: fromVector([1.01]), expected: fromVector([1]) }],
    };
    expect(checkCase(output).ok).toBe(false);
    expect(checkCase(output, { rtol: 0.1 }).ok).toBe(true);
  });

  it('does not pass a case that returned nothing to check', () => {
    expect(checkCase({ results: [] }).ok).toBe(false);
  });
});
