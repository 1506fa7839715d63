import '../index.node.js';
import { describe, expect, it } from 'vitest';
import { svgSize } from '../chart.js';
import { PlotError } from '../errors.js';
import { marks, pngSize, saveArtifact } from '../test-utils/inspect.js';
import { plotImportances } from './plotImportances.js';

const names = Array.from({ length: 12 }, (_, j) => `protein_${j}`);
// Feature 4 never leaves; the others leave at distinct lambdas.
const importances = names.map((_, j) =>
  j === 4 ? Number.POSITIVE_INFINITY : 0.3 * 1.4 ** ((j * 5) % 12),
);

describe('plotImportances', () => {
  it('draws one bar per feature, longest first, the features that never leave marked ∞', async () => {
    const chart = plotImportances(importances, names);
    const svg = await chart.toSVG();
    expect(svg).toContain('Feature importance');
    expect(svg).toContain('λ at which the feature leaves the path (log scale)');
    expect(marks(svg, 'rect')).toEqual([12]);
    expect(svg).toContain('∞ (never leaves)');
    const order = (chart.spec as { data: { values: { feature: string }[] } }).data.values.map(
      (r) => r.feature,
    );
    const expected = names
      .map((name, j) => ({ name, v: importances[j] as number }))
      .sort((a, b) => b.v - a.v)
      .map((r) => r.name);
    expect(order).toEqual(expected);
    // The bars are drawn top to bottom in that order.
    const labels = [...svg.matchAll(/role-axis-label.*?<\/g>/gs)].map((m) => m[0]);
    const yLabels = labels.find((group) => group.includes('protein_'));
    const drawn = [...(yLabels ?? '').matchAll(/>(protein_\d+)</g)].map((m) => m[1]);
    expect(drawn).toEqual(expected);
    // Laid out for the PNG's size, the chart fills it: no blank bands above and below.
    const sized = plotImportances(importances, names, { width: 800, height: 500 });
    expect(svgSize(await sized.toSVG())).toEqual({ width: 800, height: 500 });
    const png = await sized.toPNG({ width: 800, height: 500 });
    expect(pngSize(png)).toEqual({ width: 800, height: 500 });
    saveArtifact('plotImportances.png', png);
  });

  it('shows the top features only, saying how many of how many', async () => {
    const chart = plotImportances(importances, names, { top: 5 });
    const svg = await chart.toSVG();
    expect(svg).toContain('Feature importance (top 5 of 12)');
    expect(marks(svg, 'rect')).toEqual([5]);
  });

  it('rejects bad input with the reason', () => {
    const fail = (run: () => unknown, pattern: RegExp, code: string) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(PlotError);
        expect((error as PlotError).code).toBe(code);
        expect((error as PlotError).message).toMatch(pattern);
        return;
      }
      throw new Error('expected a PlotError');
    };
    fail(() => plotImportances([], []), /importances is empty/, 'EMPTY_DATA');
    fail(
      () => plotImportances([1, 2], ['a']),
      /importances has 2 entries but featureNames has 1/,
      'SHAPE_MISMATCH',
    );
    fail(
      () => plotImportances([1, Number.NaN], ['a', 'b']),
      /importances\[1\] is NaN/,
      'NON_FINITE',
    );
    fail(() => plotImportances([1, 0], ['a', 'b']), /importances\[1\] is 0/, 'NON_FINITE');
    fail(
      () => plotImportances([1], ['a'], { top: 0 }),
      /top must be an integer >= 1, got 0/,
      'INVALID_OPTION',
    );
  });
});
