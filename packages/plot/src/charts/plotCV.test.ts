// Installs the PNG rasterizer (resvg) as a side effect.
import '../index.node.js';
import { describe, expect, it } from 'vitest';
import type { PlotErrorCode } from '../errors.js';
import { MUTED, PALETTE } from '../palette.js';
import { saveArtifact } from '../test-utils/inspect.js';
import { pngSize } from '../test-utils/png.js';
import { count, expectPlotError, markGroups, pick, strokes, texts } from '../test-utils/svg.js';
import { type CVResultLike, type CVSummaryRow, plotCV } from './plotCV.js';

// 5 folds × 30 lambdas from 0.001 to 1: a smooth hump in log λ, each fold shifted and wiggled.
const N_FOLDS = 5;
const LAMBDAS = Array.from({ length: 30 }, (_, i) => 1e-3 * 10 ** ((3 * i) / 29));
const FOLD_SCORES = Array.from({ length: N_FOLDS }, (_, f) =>
  LAMBDAS.map((lambda, i) => {
    // Fold 5 has no score at the largest lambda: it is skipped.
    if (f === 4 && i === LAMBDAS.length - 1) return Number.NaN;
    const hump = 0.12 * Math.exp(-((Math.log10(lambda) + 1.8) ** 2));
    return 0.78 + hump + 0.01 * (f - 2) + 0.004 * Math.sin(i * 0.7 + f);
  }),
);
const FOLD_SELECTED = Array.from({ length: N_FOLDS }, (_, f) =>
  LAMBDAS.map((_, i) => Math.max(0, Math.round(40 * (1 - i / 24)) - f)),
);
const BEST = LAMBDAS[12] as number; // 0.017433…
const CV: CVResultLike = {
  lambdas: LAMBDAS,
  foldScores: FOLD_SCORES,
  bestLambda: BEST,
  foldSelected: FOLD_SELECTED,
};

describe('plotCV', () => {
  it('draws fold curves, the mean with its band and the best λ over the selected counts', async () => {
    const chart = plotCV(CV, { scoreName: 'Accuracy' });
    const svg = await chart.toSVG();
    const words = texts(svg);
    expect(words).toContain('Cross-validation');
    expect(words).toContain('Accuracy');
    expect(words).toContain('λ (penalty, log scale)');
    expect(words).toContain('Selected features (count)');
    expect(words).toContain('Fold');
    expect(words).toContain('best λ = 0.0174');

    const marks = markGroups(svg);
    // Top panel: one line per fold (faint grey) and one mean line (bold blue).
    const topLines = pick(marks, 'line', 'concat_0');
    expect(count(topLines, 'path')).toBe(N_FOLDS + 1);
    expect(strokes(topLines).filter((s) => s === MUTED)).toHaveLength(N_FOLDS);
    expect(strokes(topLines).filter((s) => s === PALETTE[0])).toHaveLength(1);
    expect(topLines.some((g) => /stroke-width="2.5"/.test(g.body))).toBe(true);
    // The band: one area, blue and translucent.
    const band = pick(marks, 'area', 'concat_0');
    expect(count(band, 'path')).toBe(1);
    expect(band[0]?.body).toMatch(/fill="#0072B2"[^>]*opacity="0.2"/);
    // The best-λ rule in both panels, dashed, and its label once.
    const rules = marks.filter((g) => g.type === 'rule');
    expect(count(rules, 'line')).toBe(2);
    for (const rule of rules) {
      expect(rule.body).toContain(`stroke="${PALETTE[3]}"`);
      expect(rule.body).toContain('stroke-dasharray="6,4"');
    }
    expect(
      count(
        marks.filter((g) => g.type === 'text'),
        'text',
      ),
    ).toBe(1);
    // Bottom panel: one coloured line per fold.
    const bottomLines = pick(marks, 'line', 'concat_1');
    expect(count(bottomLines, 'path')).toBe(N_FOLDS);
    expect(new Set(strokes(bottomLines))).toEqual(new Set(PALETTE.slice(0, N_FOLDS)));
  });

  it('computes the mean and 95% band over the folds that have a score', () => {
    const spec = plotCV(CV).spec as unknown as {
      datasets: { summary: CVSummaryRow[]; folds: unknown[]; best: { lambda: number }[] };
    };
    const summary = spec.datasets.summary;
    expect(summary).toHaveLength(LAMBDAS.length);
    LAMBDAS.forEach((lambda, i) => {
      const values = FOLD_SCORES.map((row) => row[i] as number).filter((v) => !Number.isNaN(v));
      const n = values.length;
      let sum = 0;
      for (const v of values) sum += v;
      const mean = sum / n;
      let squares = 0;
      for (const v of values) squares += (v - mean) * (v - mean);
      const sd = Math.sqrt(squares / (n - 1));
      const row = summary[i] as CVSummaryRow;
      expect(row.lambda).toBe(lambda);
      expect(row.n).toBe(i === LAMBDAS.length - 1 ? 4 : 5);
      expect(row.n).toBe(n);
      expect(row.mean).toBeCloseTo(mean, 12);
      expect(row.sd).toBeCloseTo(sd, 12);
      expect(row.lower).toBeCloseTo(mean - (1.96 * sd) / Math.sqrt(n), 12);
      expect(row.upper).toBeCloseTo(mean + (1.96 * sd) / Math.sqrt(n), 12);
    });
    // The NaN score is left out of the fold lines too.
    expect(spec.datasets.folds).toHaveLength(N_FOLDS * LAMBDAS.length - 1);
    expect(spec.datasets.best).toEqual([{ lambda: BEST, label: 'best λ = 0.0174' }]);
  });

  it('has no band where only one fold has a score, and no mean where none has', () => {
    const chart = plotCV({
      lambdas: [0.1, 1, 10],
      foldScores: [
        [0.5, 0.6, Number.NaN],
        [0.7, Number.NaN, Number.NaN],
      ],
      bestLambda: 0.1,
    });
    const summary = (chart.spec as unknown as { datasets: { summary: CVSummaryRow[] } }).datasets
      .summary;
    expect(summary).toEqual([
      {
        lambda: 0.1,
        mean: 0.6,
        sd: expect.closeTo(Math.sqrt(0.02), 12),
        n: 2,
        lower: expect.closeTo(0.6 - 1.96 * 0.1, 12),
        upper: expect.closeTo(0.6 + 1.96 * 0.1, 12),
      },
      { lambda: 1, mean: 0.6, sd: null, n: 1, lower: null, upper: null },
    ]);
  });

  it('draws only the score panel without foldSelected, with the λ title under it', async () => {
    const chart = plotCV(
      { lambdas: LAMBDAS, foldScores: FOLD_SCORES, bestLambda: BEST },
      { title: 'CV of the MICE model', width: 800, height: 400 },
    );
    const svg = await chart.toSVG();
    const words = texts(svg);
    expect(words).toContain('CV of the MICE model');
    expect(words).toContain('Score');
    expect(words).toContain('λ (penalty, log scale)');
    expect(words).not.toContain('Selected features (count)');
    expect(words).not.toContain('Fold');
    const marks = markGroups(svg);
    expect(marks.some((g) => g.name.startsWith('concat_1_'))).toBe(false);
    expect(count(pick(marks, 'line', 'concat_0'), 'path')).toBe(N_FOLDS + 1);
    expect(count(pick(marks, 'rule', 'concat_0'), 'line')).toBe(1);
  });

  it('puts the best-λ label on the side of the rule with room', () => {
    const labelMark = (bestLambda: number) => {
      const spec = plotCV({ lambdas: LAMBDAS, foldScores: FOLD_SCORES, bestLambda })
        .spec as unknown as {
        vconcat: { layer: { mark: { type: string; align?: string } }[] }[];
      };
      return spec.vconcat[0]?.layer.find((layer) => layer.mark.type === 'text')?.mark;
    };
    expect(labelMark(0.002)?.align).toBe('left');
    expect(labelMark(0.9)?.align).toBe('right');
  });

  it('renders a PNG of exactly the size asked for', async () => {
    const png = await plotCV(CV, { scoreName: 'Accuracy' }).toPNG({ width: 900, height: 600 });
    expect(pngSize(png)).toEqual({ width: 900, height: 600 });
    saveArtifact('plotCV.png', png);
  });

  describe('rejects bad input with a PlotError that names the problem', () => {
    const cv = (patch: Partial<Record<keyof CVResultLike, unknown>>) =>
      ({ ...CV, ...patch }) as unknown as CVResultLike;
    const cases: [string, () => unknown, PlotErrorCode, string][] = [
      ['empty lambdas', () => plotCV(cv({ lambdas: [] })), 'EMPTY_DATA', 'lambdas is empty'],
      ['no folds', () => plotCV(cv({ foldScores: [] })), 'EMPTY_DATA', 'foldScores is empty'],
      [
        'only NaN scores',
        () => plotCV({ lambdas: [1, 2], foldScores: [[Number.NaN, Number.NaN]], bestLambda: 1 }),
        'EMPTY_DATA',
        'every score in foldScores is NaN',
      ],
      [
        'a short fold',
        () => plotCV(cv({ foldScores: [...FOLD_SCORES.slice(0, 2), LAMBDAS.slice(1)] })),
        'SHAPE_MISMATCH',
        'foldScores[2] (fold 3) has 29 scores but lambdas has 30',
      ],
      [
        'foldSelected with too few folds',
        () => plotCV(cv({ foldSelected: FOLD_SELECTED.slice(1) })),
        'SHAPE_MISMATCH',
        'foldSelected has 4 folds but foldScores has 5',
      ],
      [
        'a foldSelected row of the wrong length',
        () => plotCV(cv({ foldSelected: [...FOLD_SELECTED.slice(0, 4), [1, 2, 3]] })),
        'SHAPE_MISMATCH',
        'foldSelected[4] (fold 5) has 3 counts but lambdas has 30',
      ],
      [
        'a fractional feature count',
        () => plotCV(cv({ foldSelected: FOLD_SELECTED.map((row) => row.map((v) => v + 0.5)) })),
        'INVALID_OPTION',
        'foldSelected[0][0] is 40.5',
      ],
      [
        'an infinite score',
        () => plotCV(cv({ foldScores: [[Number.POSITIVE_INFINITY, ...LAMBDAS.slice(1)]] })),
        'NON_FINITE',
        'foldScores[0][0] is Infinity',
      ],
      [
        'a NaN lambda',
        () => plotCV(cv({ lambdas: [Number.NaN, ...LAMBDAS.slice(1)] })),
        'NON_FINITE',
        'lambdas[0] is NaN',
      ],
      [
        'a zero lambda',
        () => plotCV(cv({ lambdas: [0, ...LAMBDAS.slice(1)] })),
        'INVALID_OPTION',
        'lambdas[0] is 0; the λ axis is logarithmic',
      ],
      [
        'a non-finite bestLambda',
        () => plotCV(cv({ bestLambda: Number.NaN })),
        'NON_FINITE',
        'bestLambda is NaN',
      ],
      [
        'a negative bestLambda',
        () => plotCV(cv({ bestLambda: -1 })),
        'INVALID_OPTION',
        'bestLambda is -1; the λ axis is logarithmic',
      ],
      [
        'an unknown option',
        () => plotCV(CV, { colour: 'red' } as never),
        'UNKNOWN_OPTION',
        "Unknown option 'colour' for plotCV",
      ],
      [
        'an empty scoreName',
        () => plotCV(CV, { scoreName: '' }),
        'INVALID_OPTION',
        'scoreName must be a non-empty string',
      ],
      [
        'a bad width',
        () => plotCV(CV, { width: 10 }),
        'INVALID_OPTION',
        'plotCV: width must be an integer in [100, 10000], got 10.',
      ],
      ['a bad title', () => plotCV(CV, { title: 3 } as never), 'INVALID_OPTION', 'title'],
    ];
    it.each(cases)('%s', (_, run, code, fragment) => {
      expectPlotError(run, code, fragment);
    });
  });
});
