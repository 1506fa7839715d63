import { describe, expect, it } from 'vitest';
import { isLassoNetError, LassoNetError } from './errors.js';

class PackageError extends LassoNetError<'EMPTY' | 'NON_FINITE'> {}

describe('LassoNetError', () => {
  it('carries a code, a cause and the subclass name', () => {
    const cause = new RangeError('inner');
    const error = new PackageError('EMPTY', 'X has no rows.', { cause });
    expect(error).toBeInstanceOf(LassoNetError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PackageError');
    expect(error.code).toBe('EMPTY');
    expect(error.message).toBe('X has no rows.');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('PackageError: X has no rows.');
  });

  it('is recognised across copies by its shape, and plain errors are not', () => {
    expect(isLassoNetError(new PackageError('NON_FINITE', 'NaN'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'ModelError', code: 'EMPTY' });
    expect(isLassoNetError(foreign)).toBe(true);
    expect(isLassoNetError(new TypeError('x'))).toBe(false);
    expect(isLassoNetError('EMPTY')).toBe(false);
  });
});
