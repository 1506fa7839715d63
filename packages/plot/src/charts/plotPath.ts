import type { OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import type { TopLevelSpec } from 'vega-lite';
import { type Chart, createChart } from '../chart.js';
import { PlotError } from '../errors.js';
import { BASE_CONFIG, PALETTE } from '../palette.js';
import {
  chartOptions,
  chartSchema,
  finite,
  nonEmpty,
  pixelsOption,
  sameLength,
  scoreNameOption,
  titleOption,
} from './common.js';
import { LAMBDA_AXIS, LAMBDA_TIP, scoreAxis, scoreTip } from './encodings.js';

/** What a chart needs of a path step: its penalty and how many features it keeps. */
export interface PathPoint {
  lambda: number;
  nSelected: number;
}

const pathChartSchema = v.strictObject({
  ...chartSchema.entries,
  /** What the scores are, for axis titles. Default 'Accuracy'. */
  scoreName: v.optional(scoreNameOption, 'Accuracy'),
});

export type PathChartOptions = OptionsInput<typeof pathChartSchema>;

const plotPathSchema = v.strictObject({
  ...pathChartSchema.entries,
  title: v.optional(titleOption, 'Regularization path'),
  width: v.optional(pixelsOption, 1200),
  height: v.optional(pixelsOption, 400),
});

// The default title names the score, so it is set once the score's name is known.
const plotAccuracySchema = v.strictObject({
  ...pathChartSchema.entries,
  width: v.optional(pixelsOption, 800),
  height: v.optional(pixelsOption, 500),
});

const WHERE_PATH = 'plotPath';
const WHERE_ACCURACY = 'plotAccuracy';

interface Row {
  step: number;
  lambda: number | null;
  nSelected: number;
  score: number;
}

function rows(path: unknown, scores: unknown, where: string): Row[] {
  const steps = nonEmpty<PathPoint>(path, 'path', where);
  const values = nonEmpty<number>(scores, 'scores', where);
  sameLength(steps, 'path', values, 'scores', where);
  return steps.map((step, t) => {
    if (step === null || typeof step !== 'object') {
      throw new PlotError(
        'INVALID_OPTION',
        `${where}: path[${t}] must be an object with lambda and nSelected.`,
      );
    }
    const lambda = finite(step.lambda, `path[${t}].lambda`, where);
    const nSelected = finite(step.nSelected, `path[${t}].nSelected`, where);
    if (!Number.isInteger(nSelected) || nSelected < 0) {
      throw new PlotError(
        'INVALID_OPTION',
        `${where}: path[${t}].nSelected is ${nSelected}; it counts features, so it must be an integer >= 0.`,
      );
    }
    if (lambda < 0) {
      throw new PlotError(
        'INVALID_OPTION',
        `${where}: path[${t}].lambda is ${lambda}; a penalty is >= 0.`,
      );
    }
    // lambda = 0 (the dense model) has no place on a log axis: it appears against features only.
    return {
      step: t,
      lambda: lambda > 0 ? lambda : null,
      nSelected,
      score: finite(values[t], `scores[${t}]`, where),
    };
  });
}

const featuresAxis = {
  field: 'nSelected',
  type: 'quantitative',
  title: 'Selected features (count)',
} as const;

/**
 * The regularization path in three panels, as the LassoNet reference draws it: the score
 * against the number of selected features; the score against lambda; the number of selected
 * features against lambda. `scores[t]` belongs to `path[t]` (for example test accuracy).
 */
export function plotPath(
  path: readonly PathPoint[],
  scores: readonly number[],
  options?: PathChartOptions,
): Chart {
  const { title, width, height, scoreName } = chartOptions(plotPathSchema, options, WHERE_PATH);
  const values = rows(path, scores, WHERE_PATH);
  const panelWidth = Math.max(60, Math.round((width - 3 * 80) / 3));
  const panelHeight = Math.max(60, height - 110);
  const y = scoreAxis(scoreName);
  const tooltip = [
    LAMBDA_TIP,
    { field: 'nSelected', type: 'quantitative', title: 'features' },
    scoreTip(scoreName),
  ] as const;
  const panel = (title: string, x: object, y: object, onLambda: boolean) => ({
    title: { text: title, fontSize: 13 },
    width: panelWidth,
    height: panelHeight,
    ...(onLambda ? { transform: [{ filter: 'datum.lambda !== null' }] } : {}),
    layer: [
      {
        mark: { type: 'line', color: PALETTE[0], strokeWidth: 1.5 },
        encoding: { x, y, order: { field: 'step' } },
      },
      {
        mark: { type: 'point', filled: true, size: 28, color: PALETTE[0] },
        encoding: { x, y, tooltip },
      },
    ],
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: BASE_CONFIG,
    data: { values },
    hconcat: [
      panel(`${scoreName} against selected features`, featuresAxis, y, false),
      panel(`${scoreName} against λ`, LAMBDA_AXIS, y, true),
      panel('Selected features against λ', LAMBDA_AXIS, featuresAxis, true),
    ],
  } as unknown as TopLevelSpec;
  return createChart(spec);
}

/**
 * One chart of the score against the number of selected features, the way the LassoNet MICE
 * demonstration shows accuracy: how much is lost as features are removed.
 */
export function plotAccuracy(
  path: readonly PathPoint[],
  scores: readonly number[],
  options?: PathChartOptions,
): Chart {
  const { title, width, height, scoreName } = chartOptions(
    plotAccuracySchema,
    options,
    WHERE_ACCURACY,
  );
  const values = rows(path, scores, WHERE_ACCURACY);
  const x = featuresAxis;
  const y = scoreAxis(scoreName);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: title ?? `${scoreName} against the number of selected features`,
    config: BASE_CONFIG,
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values },
    layer: [
      {
        mark: { type: 'line', color: PALETTE[0], strokeWidth: 1.5 },
        encoding: { x, y, order: { field: 'step' } },
      },
      {
        mark: { type: 'point', filled: true, size: 36, color: PALETTE[0] },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'nSelected', type: 'quantitative', title: 'features' },
            scoreTip(scoreName),
            LAMBDA_TIP,
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return createChart(spec);
}
