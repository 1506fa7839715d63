import { isLassoNetError, LassoNetError } from '@lassonet/core';
import { expectErrorClass } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { kFold } from './kFold.js';

describe('DatasetError', () => {
  it('is a LassoNetError with its own name, a code and a cause', () => {
    expectErrorClass(DatasetError, 'MISSING_FILE', {
      base: LassoNetError,
      isBase: isLassoNetError,
    });
  });

  it('is what option errors throw', () => {
    expect(() => kFold(10, { k: 1 })).toThrow(DatasetError);
    expect(() => kFold(10, { k: 1 })).toThrow(LassoNetError);
  });
});
