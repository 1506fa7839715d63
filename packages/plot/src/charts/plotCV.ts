import type { OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import type { TopLevelSpec } from 'vega-lite';
import { type Chart, createChart } from '../chart.js';
import { PlotError } from '../errors.js';
import { BASE_CONFIG, MUTED, PALETTE } from '../palette.js';
import {
  chartOptions,
  chartSchema,
  finite,
  nonEmpty,
  pixelsOption,
  scoreNameOption,
  titleOption,
} from './common.js';
import { LAMBDA_AXIS, LAMBDA_TIP } from './encodings.js';

/** What the chart needs of a cross-validation result. */
export interface CVResultLike {
  /** The common penalty grid of every fold (> 0; drawn on a log axis). */
  lambdas: readonly number[];
  /** `foldScores[f][i]`: fold f's held-out score at `lambdas[i]`; NaN means no score there. */
  foldScores: readonly (readonly number[])[];
  /** The penalty cross-validation chose. */
  bestLambda: number;
  /** `foldSelected[f][i]`: how many features fold f keeps at `lambdas[i]`; NaN means unknown. */
  foldSelected?: readonly (readonly number[])[];
}

const cvChartSchema = v.strictObject({
  ...chartSchema.entries,
  /** Chart title. Default 'Cross-validation'. */
  title: v.optional(titleOption, 'Cross-validation'),
  /** Size of the whole figure in pixels. Default 1000 × 700. */
  width: v.optional(pixelsOption, 1000),
  height: v.optional(pixelsOption, 700),
  /** What the scores are, for the axis title. Default 'Score'. */
  scoreName: v.optional(scoreNameOption, 'Score'),
});

export type CVChartOptions = OptionsInput<typeof cvChartSchema>;

/** One fold's value at one penalty. */
export interface CVFoldRow {
  fold: number;
  lambda: number;
  value: number;
}

/** The mean over folds at one penalty, with its 95% confidence band (null with fewer than 2 folds). */
export interface CVSummaryRow {
  lambda: number;
  mean: number;
  /** Sample standard deviation (n - 1); null when only one fold has a score. */
  sd: number | null;
  /** How many folds have a score at this penalty. */
  n: number;
  lower: number | null;
  upper: number | null;
}

const WHERE = 'plotCV';
/** Two-sided 95% quantile of the normal distribution. */
const Z95 = 1.96;

/** A number to 3 significant digits, without trailing zeros. */
function formatSignificant(value: number): string {
  return String(Number(value.toPrecision(3)));
}

function matrix(
  value: unknown,
  name: string,
  rowName: (f: number) => string,
  width: number,
  entries: string,
): (readonly number[])[] {
  const rows = nonEmpty<unknown>(value, name, WHERE);
  return rows.map((row, f) => {
    if (!Array.isArray(row)) {
      throw new PlotError('SHAPE_MISMATCH', `${WHERE}: ${rowName(f)} must be an array of numbers.`);
    }
    if (row.length !== width) {
      throw new PlotError(
        'SHAPE_MISMATCH',
        `${WHERE}: ${rowName(f)} has ${row.length} ${entries} but lambdas has ${width}; every fold needs one per lambda.`,
      );
    }
    row.forEach((v, i) => {
      // NaN marks a missing value and is skipped; anything else must be a finite number.
      if (!(typeof v === 'number' && Number.isNaN(v))) finite(v, `${name}[${f}][${i}]`, WHERE);
    });
    return row as readonly number[];
  });
}

/** Mean, sample sd and normal 95% band over the folds that have a value, at each lambda. */
function summarize(
  lambdas: readonly number[],
  foldScores: readonly (readonly number[])[],
): CVSummaryRow[] {
  const out: CVSummaryRow[] = [];
  lambdas.forEach((lambda, i) => {
    const values = foldScores.map((row) => row[i] as number).filter((v) => !Number.isNaN(v));
    const n = values.length;
    if (n === 0) return;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    if (n < 2) {
      out.push({ lambda, mean, sd: null, n, lower: null, upper: null });
      return;
    }
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const half = (Z95 * sd) / Math.sqrt(n);
    out.push({ lambda, mean, sd, n, lower: mean - half, upper: mean + half });
  });
  return out;
}

function foldRows(lambdas: readonly number[], rows: readonly (readonly number[])[]): CVFoldRow[] {
  return rows.flatMap((row, f) =>
    lambdas.flatMap((lambda, i) => {
      const value = row[i] as number;
      return Number.isNaN(value) ? [] : [{ fold: f + 1, lambda, value }];
    }),
  );
}

/**
 * Cross-validation in two panels sharing a log-λ axis. Top: each fold's held-out score (faint
 * grey), their mean (bold) with a 95% confidence band (mean ± 1.96·sd/√n over the folds that
 * have a score), and the chosen λ as a dashed rule. Bottom, when `foldSelected` is given: the
 * number of selected features of each fold, with the same rule. The mean and band are computed
 * here and sit in the spec's `datasets.summary`.
 */
export function plotCV(cv: CVResultLike, options?: CVChartOptions): Chart {
  const { title, width, height, scoreName } = chartOptions(cvChartSchema, options, WHERE);
  if (cv === null || typeof cv !== 'object') {
    throw new PlotError(
      'EMPTY_DATA',
      `${WHERE}: expected a cross-validation result with lambdas, foldScores and bestLambda.`,
    );
  }

  const lambdas = nonEmpty<unknown>(cv.lambdas, 'lambdas', WHERE).map((value, i) => {
    const lambda = finite(value, `lambdas[${i}]`, WHERE);
    if (lambda <= 0) {
      throw new PlotError(
        'INVALID_OPTION',
        `${WHERE}: lambdas[${i}] is ${lambda}; the λ axis is logarithmic, so every lambda must be > 0.`,
      );
    }
    return lambda;
  });
  const nLambdas = lambdas.length;
  const scores = matrix(
    cv.foldScores,
    'foldScores',
    (f) => `foldScores[${f}] (fold ${f + 1})`,
    nLambdas,
    'scores',
  );
  const nFolds = scores.length;

  let selected: (readonly number[])[] | undefined;
  if (cv.foldSelected !== undefined) {
    if (!Array.isArray(cv.foldSelected) || cv.foldSelected.length !== nFolds) {
      const got = Array.isArray(cv.foldSelected) ? `${cv.foldSelected.length} folds` : 'no array';
      throw new PlotError(
        'SHAPE_MISMATCH',
        `${WHERE}: foldSelected has ${got} but foldScores has ${nFolds}; they must describe the same folds.`,
      );
    }
    selected = matrix(
      cv.foldSelected,
      'foldSelected',
      (f) => `foldSelected[${f}] (fold ${f + 1})`,
      nLambdas,
      'counts',
    );
    selected.forEach((row, f) => {
      row.forEach((v, i) => {
        if (!Number.isNaN(v) && (!Number.isInteger(v) || v < 0)) {
          throw new PlotError(
            'INVALID_OPTION',
            `${WHERE}: foldSelected[${f}][${i}] is ${v}; it counts features, so it must be an integer >= 0.`,
          );
        }
      });
    });
  }

  const bestLambda = finite(cv.bestLambda, 'bestLambda', WHERE);
  if (bestLambda <= 0) {
    throw new PlotError(
      'INVALID_OPTION',
      `${WHERE}: bestLambda is ${bestLambda}; the λ axis is logarithmic, so it must be > 0.`,
    );
  }

  const summary = summarize(lambdas, scores);
  if (summary.length === 0) {
    throw new PlotError(
      'EMPTY_DATA',
      `${WHERE}: every score in foldScores is NaN; there is nothing to plot.`,
    );
  }
  // Space for the y axes and the fold legend; the rest goes to the plots, 60/40 when stacked.
  const panelWidth = Math.max(80, width - 170);
  const free = Math.max(120, height - (selected ? 210 : 130));
  const topHeight = selected ? Math.round(free * 0.6) : free;
  const bottomHeight = free - topHeight;

  // The label beside the best-λ rule goes on the side with more room.
  const logs = [...lambdas, bestLambda].map(Math.log);
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  const position = hi > lo ? (Math.log(bestLambda) - lo) / (hi - lo) : 0;
  const labelOnLeft = position > 0.65;

  // Headroom above the highest curve or band keeps the best-λ label, drawn at the top, clear.
  const ys = [
    ...scores.flatMap((row) => row.filter((v) => !Number.isNaN(v))),
    ...summary.flatMap((row) => (row.upper === null ? [] : [row.upper, row.lower as number])),
  ];
  const yMax = ys.reduce((a, b) => Math.max(a, b), -Infinity);
  const ySpan = yMax - ys.reduce((a, b) => Math.min(a, b), Infinity);
  const headroom = yMax + (ySpan > 0 ? 0.12 * ySpan : Math.max(1e-6, 0.1 * Math.abs(yMax)));

  const x = LAMBDA_AXIS;
  // With two panels the x title goes under the bottom one only.
  const xTop = selected ? { ...x, title: null } : x;
  const bestRule = (xEncoding: object) => ({
    data: { name: 'best' },
    mark: { type: 'rule', color: PALETTE[3], strokeWidth: 1.5, strokeDash: [6, 4] },
    encoding: {
      x: xEncoding,
      tooltip: [{ field: 'lambda', type: 'quantitative', title: 'best λ', format: '.3~g' }],
    },
  });

  const top = {
    title: {
      text: `${scoreName} per fold (grey), mean over folds (blue) and its 95% confidence band`,
      fontSize: 13,
    },
    width: panelWidth,
    height: topHeight,
    layer: [
      {
        data: { name: 'folds' },
        mark: { type: 'line', color: MUTED, opacity: 0.5, strokeWidth: 1.2 },
        encoding: {
          x: xTop,
          y: {
            field: 'value',
            type: 'quantitative',
            title: scoreName,
            scale: { zero: false, domainMax: headroom },
          },
          detail: { field: 'fold', type: 'nominal' },
          tooltip: [
            { field: 'fold', type: 'nominal', title: 'fold' },
            LAMBDA_TIP,
            { field: 'value', type: 'quantitative', title: scoreName, format: '.4~f' },
          ],
        },
      },
      {
        data: { name: 'summary' },
        transform: [{ filter: 'datum.lower !== null && datum.upper !== null' }],
        mark: { type: 'area', color: PALETTE[0], opacity: 0.2 },
        encoding: {
          x: xTop,
          y: { field: 'lower', type: 'quantitative' },
          y2: { field: 'upper' },
        },
      },
      {
        data: { name: 'summary' },
        mark: { type: 'line', color: PALETTE[0], strokeWidth: 2.5 },
        encoding: {
          x: xTop,
          y: { field: 'mean', type: 'quantitative' },
          tooltip: [
            LAMBDA_TIP,
            { field: 'mean', type: 'quantitative', title: `mean ${scoreName}`, format: '.4~f' },
            { field: 'lower', type: 'quantitative', title: '95% lower', format: '.4~f' },
            { field: 'upper', type: 'quantitative', title: '95% upper', format: '.4~f' },
            { field: 'n', type: 'quantitative', title: 'folds' },
          ],
        },
      },
      bestRule(xTop),
      {
        data: { name: 'best' },
        mark: {
          type: 'text',
          color: PALETTE[3],
          fontSize: 12,
          fontWeight: 'bold',
          align: labelOnLeft ? 'right' : 'left',
          dx: labelOnLeft ? -6 : 6,
          baseline: 'top',
        },
        encoding: { x: xTop, y: { value: 4 }, text: { field: 'label' } },
      },
    ],
  };

  const bottom = selected && {
    title: { text: 'Selected features per fold', fontSize: 13 },
    width: panelWidth,
    height: bottomHeight,
    layer: [
      {
        data: { name: 'selected' },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: 'Selected features (count)' },
          color: { field: 'fold', type: 'nominal', legend: { title: 'Fold' } },
          tooltip: [
            { field: 'fold', type: 'nominal', title: 'fold' },
            LAMBDA_TIP,
            { field: 'value', type: 'quantitative', title: 'features' },
          ],
        },
      },
      bestRule(x),
    ],
  };

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: BASE_CONFIG,
    datasets: {
      folds: foldRows(lambdas, scores),
      summary,
      best: [{ lambda: bestLambda, label: `best λ = ${formatSignificant(bestLambda)}` }],
      ...(selected ? { selected: foldRows(lambdas, selected) } : {}),
    },
    vconcat: bottom ? [top, bottom] : [top],
    spacing: 16,
    // The fold legend belongs to the bottom panel, beside the lines it colours.
    resolve: { scale: { x: 'shared', color: 'independent' } },
  } as unknown as TopLevelSpec;
  return createChart(spec);
}
