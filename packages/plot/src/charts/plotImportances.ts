import { numberOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import type { TopLevelSpec } from 'vega-lite';
import { type Chart, createChart } from '../chart.js';
import { PlotError } from '../errors.js';
import { BASE_CONFIG, PALETTE } from '../palette.js';
import { chartOptions, chartSchema, nonEmpty, pixelsOption, sameLength } from './common.js';

// The default title and height depend on how many bars are shown.
const importanceChartSchema = v.strictObject({
  ...chartSchema.entries,
  /** Width of the figure in pixels. Default 800; the height follows the number of bars. */
  width: v.optional(pixelsOption, 800),
  /** How many of the most important features to show. Default 20. */
  top: v.optional(numberOption({ integer: true, min: 1 }), 20),
});

export type ImportanceChartOptions = OptionsInput<typeof importanceChartSchema>;

const WHERE = 'plotImportances';

/**
 * LassoNet's feature importances as sorted horizontal bars: the lambda at which each feature
 * leaves the path (Infinity: it never does). The longer the bar, the longer the feature
 * survives the penalty.
 */
export function plotImportances(
  importances: readonly number[],
  featureNames: readonly string[],
  options?: ImportanceChartOptions,
): Chart {
  const { title, width, height, top } = chartOptions(importanceChartSchema, options, WHERE);
  const values = nonEmpty<number>(importances, 'importances', WHERE);
  const names = nonEmpty<string>(featureNames, 'featureNames', WHERE);
  sameLength(values, 'importances', names, 'featureNames', WHERE);
  values.forEach((v, j) => {
    if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) {
      throw new PlotError(
        'NON_FINITE',
        `${WHERE}: importances[${j}] is ${String(v)}; an importance is the lambda (> 0) at which the feature leaves, or Infinity.`,
      );
    }
  });

  const finiteMax = Math.max(0, ...values.filter(Number.isFinite));
  // Features that never leave get a bar past the longest finite one, labelled ∞.
  const never = finiteMax > 0 ? finiteMax * 1.5 : 1;
  const rows = values
    .map((v, j) => ({
      feature: String(names[j]),
      importance: Number.isFinite(v) ? v : never,
      label: Number.isFinite(v) ? formatLambda(v) : '∞ (never leaves)',
    }))
    .sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature))
    .slice(0, top);

  // Bars on a log axis need an explicit start: a little below the smallest value shown.
  const shown = rows.map((r) => r.importance);
  const baseline = Math.min(...shown) / 2;
  const x = {
    field: 'importance',
    type: 'quantitative',
    scale: { type: 'log', nice: false, domain: [baseline, Math.max(...shown) * 3] },
    title: 'λ at which the feature leaves the path (log scale)',
  } as const;
  const y = {
    field: 'feature',
    type: 'nominal',
    sort: rows.map((r) => r.feature),
    title: 'Feature',
  } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title:
      title ??
      (rows.length < values.length
        ? `Feature importance (top ${rows.length} of ${values.length})`
        : 'Feature importance'),
    config: BASE_CONFIG,
    width,
    height: height ?? Math.max(240, 60 + 24 * rows.length),
    autosize: { type: 'fit', contains: 'padding' },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', color: PALETTE[0], height: { band: 0.7 } },
        encoding: {
          x,
          x2: { datum: baseline },
          y,
          tooltip: [
            { field: 'feature', type: 'nominal', title: 'feature' },
            { field: 'label', type: 'nominal', title: 'leaves at λ' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
  return createChart(spec);
}

function formatLambda(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
