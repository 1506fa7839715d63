import { isLassoNetError, LassoNetError } from '@lassonet/core';
import { describe, expect, it } from 'vitest';
import { plotImportances } from './charts/plotImportances.js';
import { PlotError } from './errors.js';

describe('PlotError', () => {
  it('is a LassoNetError with its own name, a code and a cause', () => {
    const cause = new Error('inner');
    const error = new PlotError('NO_RASTERIZER', 'No renderer.', { cause });
    expect(error).toBeInstanceOf(LassoNetError);
    expect(isLassoNetError(error)).toBe(true);
    expect(error.name).toBe('PlotError');
    expect(error.code).toBe('NO_RASTERIZER');
    expect(error.cause).toBe(cause);
  });

  it('is what option errors throw', () => {
    const run = () => plotImportances([1], ['a'], { topp: 3 } as never);
    expect(run).toThrow(PlotError);
    expect(run).toThrow("Unknown option 'topp' for plotImportances (did you mean 'top'?)");
  });
});
