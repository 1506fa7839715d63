import { isLassoNetError, LassoNetError } from '@lassonet/core';
import { expectErrorClass } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { plotImportances } from './charts/plotImportances.js';
import { PlotError } from './errors.js';

describe('PlotError', () => {
  it('is a LassoNetError with its own name, a code and a cause', () => {
    expectErrorClass(PlotError, 'NO_RASTERIZER', { base: LassoNetError, isBase: isLassoNetError });
  });

  it('is what option errors throw', () => {
    const run = () => plotImportances([1], ['a'], { topp: 3 } as never);
    expect(run).toThrow(PlotError);
    expect(run).toThrow("Unknown option 'topp' for plotImportances (did you mean 'top'?)");
  });
});
