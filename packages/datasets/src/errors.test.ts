import { isLassoNetError, LassoNetError } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { kFold } from './kFold.js';

describe('DatasetError', () => {
  it('is a LassoNetError with its own name, a code and a cause', () => {
    const cause = new Error('inner');
    const error = new DatasetError('MISSING_FILE', 'No file.', { cause });
    expect(error).toBeInstanceOf(LassoNetError);
    expect(isLassoNetError(error)).toBe(true);
    expect(error.name).toBe('DatasetError');
    expect(error.code).toBe('MISSING_FILE');
    expect(error.cause).toBe(cause);
  });

  it('is what option errors throw', () => {
    expect(() => kFold(10, { k: 1 })).toThrow(DatasetError);
    expect(() => kFold(10, { k: 1 })).toThrow(LassoNetError);
  });
});
