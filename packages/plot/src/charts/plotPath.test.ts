import '../index.node.js';
import { describe, expect, it } from 'vitest';
import { PlotError } from '../errors.js';
import { marks, pngSize, saveArtifact } from '../test-utils/inspect.js';
import { type PathPoint, plotAccuracy, plotPath } from './plotPath.js';

// A fixed synthetic path: the dense model (lambda 0), then 40 steps losing features.
const path: PathPoint[] = [{ lambda: 0, nSelected: 30 }];
const scores: number[] = [0.97];
for (let t = 0; t < 40; t++) {
  const nSelected = Math.max(0, Math.round(30 * Math.exp(-t / 10)) - 1);
  path.push({ lambda: 0.2 * 1.15 ** t, nSelected });
  scores.push(nSelected === 0 ? 0.125 : 0.97 - 0.5 * Math.exp(-nSelected / 4));
}

function codeOf(run: () => unknown): [string, string] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlotError);
    return [(error as PlotError).code, (error as PlotError).message];
  }
  throw new Error('expected a PlotError');
}

describe('plotPath', () => {
  it('draws three panels with their titles, one point per step (the dense model only against features)', async () => {
    const chart = plotPath(path, scores, { scoreName: 'Test accuracy' });
    const svg = await chart.toSVG();
    for (const text of [
      'Regularization path',
      'Test accuracy against selected features',
      'Test accuracy against λ',
      'Selected features against λ',
      'Selected features (count)',
      'λ (penalty, log scale)',
    ]) {
      expect(svg).toContain(text);
    }
    expect(marks(svg, 'symbol')).toEqual([41, 40, 40]);
    expect(marks(svg, 'line')).toEqual([1, 1, 1]);
    const png = await chart.toPNG({ width: 1500, height: 500 });
    expect(pngSize(png)).toEqual({ width: 1500, height: 500 });
    saveArtifact('plotPath.png', png);
  });

  it('keeps the data in the spec, in step order', () => {
    const values = (
      plotPath(path, scores).spec as {
        data: { values: { lambda: number | null; score: number }[] };
      }
    ).data.values;
    expect(values).toHaveLength(41);
    expect(values[0]?.lambda).toBeNull();
    expect(values[5]?.score).toBe(scores[5]);
  });

  it('rejects empty, mismatched and non-finite input, and unknown options', () => {
    expect(codeOf(() => plotPath([], []))).toEqual([
      'EMPTY_DATA',
      'plotPath: path is empty; there is nothing to plot.',
    ]);
    expect(codeOf(() => plotPath(path, scores.slice(1)))[1]).toMatch(
      /path has 41 entries but scores has 40/,
    );
    expect(codeOf(() => plotPath(path, [...scores.slice(1), Number.NaN]))).toEqual([
      'NON_FINITE',
      'plotPath: scores[40] is NaN; every value must be a finite number.',
    ]);
    expect(codeOf(() => plotPath([{ lambda: 1, nSelected: 2.5 }], [1]))[1]).toMatch(
      /nSelected is 2.5/,
    );
    expect(codeOf(() => plotPath([{ lambda: -1, nSelected: 2 }], [1]))[1]).toMatch(
      /a penalty is >= 0/,
    );
    expect(codeOf(() => plotPath(path, scores, { colour: 'red' } as never))[0]).toBe(
      'UNKNOWN_OPTION',
    );
    expect(codeOf(() => plotPath(path, scores, { scorename: 'AUC' } as never))).toEqual([
      'UNKNOWN_OPTION',
      "Unknown option 'scorename' for plotPath (did you mean 'scoreName'?). Known options: title, width, height, scoreName.",
    ]);
    expect(codeOf(() => plotPath(path, scores, { width: 20 }))[1]).toMatch(
      /width must be an integer in \[100, 10000\], got 20/,
    );
  });
});

describe('plotAccuracy', () => {
  it('draws the score against the number of features, one point per step, at the size asked', async () => {
    const chart = plotAccuracy(path, scores, {
      scoreName: 'Test accuracy',
      width: 900,
      height: 560,
    });
    const svg = await chart.toSVG();
    expect(svg).toContain('Test accuracy against the number of selected features');
    expect(svg).toContain('Selected features (count)');
    expect(marks(svg, 'symbol')).toEqual([41]);
    expect(svg).toMatch(/<svg[^>]* width="900" height="560"/);
    const png = await chart.toPNG({ width: 900, height: 560 });
    expect(pngSize(png)).toEqual({ width: 900, height: 560 });
    saveArtifact('plotAccuracy.png', png);
    // One side given: the other follows the chart's proportions; scale doubles the pixels.
    expect(pngSize(await chart.toPNG({ width: 450 }))).toEqual({ width: 450, height: 280 });
    expect(pngSize(await chart.toPNG({ scale: 2 }))).toEqual({ width: 1800, height: 1120 });
  });

  it('checks PNG options', async () => {
    const chart = plotAccuracy(path, scores);
    await expect(chart.toPNG({ width: 10.5 })).rejects.toThrow(
      /toPNG: width must be an integer > 0, got 10.5/,
    );
    await expect(chart.toPNG({ dpi: 300 } as never)).rejects.toThrow(
      /Unknown option 'dpi' for toPNG/,
    );
  });
});
