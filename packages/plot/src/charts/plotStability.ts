import { numberOption, type OptionsInput } from '@lassonet/core';
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
  titleOption,
} from './common.js';
import { LAMBDA_AXIS, LAMBDA_TIP } from './encodings.js';

/** What the chart needs of a stability-selection result. */
export interface StabilityResultLike {
  /** `prob[t][j]`: how often feature j is selected at path step t, in [0, 1]. */
  prob: readonly (readonly number[])[];
  /** The penalty of each path step (> 0; drawn on a log axis). Without it, the x axis is the step. */
  lambdas?: readonly number[];
  /** `wrong[k]`: the expected number of wrong selections when keeping k + 1 features (Infinity: not drawn). */
  wrong: readonly number[];
  /** The features from the most to the least stable (a permutation of 0..d-1). */
  order: readonly number[];
  /** The chosen number of features, 0..d. */
  oracle: number;
}

const stabilityChartSchema = v.strictObject({
  ...chartSchema.entries,
  /** Chart title. Default 'Stability selection'. */
  title: v.optional(titleOption, 'Stability selection'),
  /** Size of the whole figure in pixels. Default 1200 × 450. */
  width: v.optional(pixelsOption, 1200),
  height: v.optional(pixelsOption, 450),
  /** How many of the most stable features (the first of `order`) to colour and label. Default 5. */
  top: v.optional(numberOption({ integer: true, min: 1 }), 5),
});

export type StabilityChartOptions = OptionsInput<typeof stabilityChartSchema>;

/** One feature's selection probability at one path step. */
export interface StabilityProbRow {
  /** The feature's column, j. */
  featureIndex: number;
  name: string;
  step: number;
  lambda: number | null;
  prob: number;
  /** Its place in `order` (0 = most stable). */
  rank: number;
  highlighted: boolean;
}

const WHERE = 'plotStability';
const LABEL_FONT_SIZE = 12;
/** Vertical room a label needs, in pixels, so that stacked labels do not touch. */
const LABEL_GAP = 15;

function shapeError(message: string): never {
  throw new PlotError('SHAPE_MISMATCH', `${WHERE}: ${message}`);
}

function invalid(message: string): never {
  throw new PlotError('INVALID_OPTION', `${WHERE}: ${message}`);
}

function probabilities(value: unknown): (readonly number[])[] {
  const rows = nonEmpty<unknown>(value, 'prob', WHERE);
  const first = rows[0];
  if (!Array.isArray(first)) shapeError('prob[0] must be an array of probabilities.');
  const d = first.length;
  if (d === 0) {
    throw new PlotError('EMPTY_DATA', `${WHERE}: prob[0] is empty; there are no features to plot.`);
  }
  return rows.map((row, t) => {
    if (!Array.isArray(row)) shapeError(`prob[${t}] must be an array of probabilities.`);
    if (row.length !== d) {
      shapeError(
        `prob[${t}] has ${row.length} features but prob[0] has ${d}; every step needs one probability per feature.`,
      );
    }
    row.forEach((p, j) => {
      finite(p, `prob[${t}][${j}]`, WHERE);
      if (p < 0 || p > 1) invalid(`prob[${t}][${j}] is ${p}; a probability lies in [0, 1].`);
    });
    return row as readonly number[];
  });
}

/**
 * Spreads labels apart vertically: `ys` are pixel positions (0 = top) in a panel of `height`;
 * the result keeps their order, at least `gap` apart, inside [0, height] where there is room.
 */
function spreadLabels(ys: readonly number[], gap: number, height: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((item) => item.y);
  for (let k = 1; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] as number, (placed[k - 1] as number) + gap);
  }
  const last = placed.length - 1;
  if ((placed[last] as number) > height) {
    placed[last] = height;
    for (let k = last - 1; k >= 0; k--) {
      placed[k] = Math.min(placed[k] as number, (placed[k + 1] as number) - gap);
    }
  }
  const out = new Array<number>(ys.length);
  order.forEach((item, k) => {
    out[item.i] = placed[k] as number;
  });
  return out;
}

/**
 * Stability selection in two panels. Left: each feature's selection probability along the
 * path (against log λ when `lambdas` is given, else the step), the `top` most stable features
 * (the first of `order`) in colour and labelled at the right-hand end of their line, the rest
 * thin and grey. Right: the expected number of wrong selections against the number of selected
 * features, with the chosen number (`oracle`) marked.
 */
export function plotStability(
  result: StabilityResultLike,
  featureNames: readonly string[],
  options?: StabilityChartOptions,
): Chart {
  const {
    title,
    width,
    height,
    top: topOption,
  } = chartOptions(stabilityChartSchema, options, WHERE);
  if (result === null || typeof result !== 'object') {
    throw new PlotError(
      'EMPTY_DATA',
      `${WHERE}: expected a stability-selection result with prob, wrong, order and oracle.`,
    );
  }

  const prob = probabilities(result.prob);
  const steps = prob.length;
  const d = (prob[0] as readonly number[]).length;

  if (!Array.isArray(featureNames)) invalid('featureNames must be an array of strings.');
  if (featureNames.length !== d) {
    shapeError(`featureNames has ${featureNames.length} names but prob has ${d} features.`);
  }
  featureNames.forEach((name, j) => {
    if (typeof name !== 'string') invalid(`featureNames[${j}] must be a string.`);
  });

  let lambdas: number[] | undefined;
  if (result.lambdas !== undefined) {
    if (!Array.isArray(result.lambdas)) invalid('lambdas must be an array of numbers.');
    if (result.lambdas.length !== steps) {
      shapeError(
        `lambdas has ${result.lambdas.length} entries but prob has ${steps} path steps; they must match one to one.`,
      );
    }
    lambdas = result.lambdas.map((value, t) => {
      const lambda = finite(value, `lambdas[${t}]`, WHERE);
      if (lambda <= 0) {
        invalid(
          `lambdas[${t}] is ${lambda}; the λ axis is logarithmic, so every lambda must be > 0.`,
        );
      }
      return lambda;
    });
  }

  if (!Array.isArray(result.wrong)) invalid('wrong must be an array of numbers.');
  const wrong = result.wrong as readonly number[];
  if (wrong.length !== d) {
    shapeError(`wrong has ${wrong.length} entries but prob has ${d} features; it needs one per k.`);
  }
  wrong.forEach((w, k) => {
    if (w !== Number.POSITIVE_INFINITY) finite(w, `wrong[${k}]`, WHERE);
    if (w < 0) invalid(`wrong[${k}] is ${w}; an expected count is >= 0.`);
  });

  if (!Array.isArray(result.order)) invalid('order must be an array of feature indices.');
  const order = result.order as readonly number[];
  if (order.length !== d) {
    shapeError(`order has ${order.length} entries but prob has ${d} features.`);
  }
  const rank = new Array<number>(d).fill(-1);
  order.forEach((j, r) => {
    if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= d) {
      invalid(`order[${r}] is ${String(j)}; order must be a permutation of 0..${d - 1}.`);
    }
    if (rank[j] !== -1) {
      invalid(`order lists feature ${j} twice; it must be a permutation of 0..${d - 1}.`);
    }
    rank[j] = r;
  });

  const oracle = result.oracle;
  if (typeof oracle !== 'number' || !Number.isInteger(oracle) || oracle < 0 || oracle > d) {
    invalid(`oracle is ${String(oracle)}; it is a number of features, an integer in 0..${d}.`);
  }

  const top = Math.min(topOption, d);

  // Layout: room for two y axes, the labels right of the left panel, and the spacing.
  const labelWidth = Math.min(
    220,
    12 + Math.max(...order.slice(0, top).map((j) => (featureNames[j] as string).length)) * 7.5,
  );
  const plotsWidth = Math.max(160, width - 2 * 70 - labelWidth - 40);
  const leftWidth = Math.round(plotsWidth * 0.55);
  const rightWidth = plotsWidth - leftWidth;
  const panelHeight = Math.max(80, height - 125);

  const probRows: StabilityProbRow[] = prob.flatMap((row, t) =>
    row.map((p, j) => ({
      featureIndex: j,
      name: featureNames[j] as string,
      step: t,
      lambda: lambdas ? (lambdas[t] as number) : null,
      prob: p,
      rank: rank[j] as number,
      highlighted: (rank[j] as number) < top,
    })),
  );

  // Labels at the right-hand end of each highlighted line, nudged apart where they would collide.
  const xOf = (t: number) => (lambdas ? (lambdas[t] as number) : t);
  let endStep = 0;
  for (let t = 1; t < steps; t++) if (xOf(t) > xOf(endStep)) endStep = t;
  const highlighted = order.slice(0, top);
  const endProbs = highlighted.map((j) => (prob[endStep] as readonly number[])[j] as number);
  const labelYs = spreadLabels(
    endProbs.map((p) => (1 - p) * panelHeight),
    LABEL_GAP,
    panelHeight,
  );
  const labels = highlighted.map((j, r) => ({
    featureIndex: j,
    name: featureNames[j] as string,
    rank: r,
    step: endStep,
    lambda: lambdas ? (lambdas[endStep] as number) : null,
    prob: endProbs[r] as number,
    labelProb: 1 - (labelYs[r] as number) / panelHeight,
  }));

  const wrongRows = wrong.flatMap((w, i) => (Number.isFinite(w) ? [{ k: i + 1, wrong: w }] : []));

  const x = lambdas
    ? LAMBDA_AXIS
    : ({
        field: 'step',
        type: 'quantitative',
        title: 'Path step',
        scale: { nice: false },
      } as const);
  const y = {
    field: 'prob',
    type: 'quantitative',
    title: 'Selection probability',
    scale: { domain: [0, 1] },
  } as const;
  // Colours follow the rank in `order`, so the most stable feature is always the first colour.
  const colour = {
    field: 'rank',
    type: 'ordinal',
    scale: {
      domain: highlighted.map((_, r) => r),
      range: highlighted.map((_, r) => PALETTE[r % PALETTE.length]),
    },
    legend: null,
  } as const;
  const probTooltip = [
    { field: 'name', type: 'nominal', title: 'feature' },
    { field: 'step', type: 'quantitative', title: 'step' },
    ...(lambdas ? [LAMBDA_TIP] : []),
    { field: 'prob', type: 'quantitative', title: 'probability', format: '.3~f' },
  ];

  const left = {
    title: {
      text: `Selection probability along the path (the ${top} most stable in colour)`,
      fontSize: 13,
    },
    width: leftWidth,
    height: panelHeight,
    layer: [
      {
        data: { name: 'probabilities' },
        transform: [{ filter: '!datum.highlighted' }],
        mark: { type: 'line', color: MUTED, strokeWidth: 1, opacity: 0.6 },
        encoding: {
          x,
          y,
          detail: { field: 'featureIndex', type: 'nominal' },
          order: { field: 'step' },
          tooltip: probTooltip,
        },
      },
      {
        data: { name: 'probabilities' },
        transform: [{ filter: 'datum.highlighted' }],
        mark: { type: 'line', strokeWidth: 2.2 },
        encoding: {
          x,
          y,
          color: colour,
          detail: { field: 'featureIndex', type: 'nominal' },
          order: { field: 'step' },
          tooltip: probTooltip,
        },
      },
      {
        data: { name: 'labels' },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 6,
          fontSize: LABEL_FONT_SIZE,
          fontWeight: 'bold',
        },
        encoding: {
          x,
          y: { field: 'labelProb', type: 'quantitative' },
          color: colour,
          text: { field: 'name' },
        },
      },
    ],
  };

  const kAxis = {
    field: 'k',
    type: 'quantitative',
    title: 'Selected features (count)',
    scale: { domain: [0, d], nice: false },
    axis: { tickMinStep: 1, format: 'd' },
  } as const;
  // Headroom above the highest point keeps the oracle label, drawn at the top, clear of the data.
  const wrongMax = wrongRows.reduce((a, row) => Math.max(a, row.wrong), 0);
  const wrongAxis = {
    field: 'wrong',
    type: 'quantitative',
    title: 'Expected wrong selections',
    scale: { domainMin: 0, domainMax: wrongMax > 0 ? wrongMax * 1.15 : 1 },
  } as const;
  const right = {
    title: { text: 'Expected wrong selections against the number selected', fontSize: 13 },
    width: rightWidth,
    height: panelHeight,
    layer: [
      {
        data: { name: 'wrong' },
        mark: { type: 'line', color: PALETTE[0], strokeWidth: 1.5 },
        encoding: {
          x: kAxis,
          y: wrongAxis,
        },
      },
      {
        data: { name: 'wrong' },
        mark: { type: 'point', filled: true, size: 30, color: PALETTE[0], opacity: 1 },
        encoding: {
          x: kAxis,
          y: wrongAxis,
          tooltip: [
            { field: 'k', type: 'quantitative', title: 'features' },
            { field: 'wrong', type: 'quantitative', title: 'expected wrong', format: '.3~f' },
          ],
        },
      },
      ...(oracle > 0
        ? [
            {
              data: { name: 'oracle' },
              mark: { type: 'rule', color: PALETTE[3], strokeWidth: 1.5, strokeDash: [6, 4] },
              encoding: { x: kAxis },
            },
            {
              data: { name: 'oracle' },
              mark: {
                type: 'text',
                color: PALETTE[3],
                fontSize: 12,
                fontWeight: 'bold',
                baseline: 'top',
                // On the side of the rule with more room.
                align: oracle > d / 2 ? 'right' : 'left',
                dx: oracle > d / 2 ? -6 : 6,
              },
              encoding: { x: kAxis, y: { value: 4 }, text: { field: 'label' } },
            },
          ]
        : []),
    ],
  };

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: BASE_CONFIG,
    datasets: {
      probabilities: probRows,
      labels,
      wrong: wrongRows,
      oracle: [{ k: oracle, label: `oracle = ${oracle}` }],
    },
    hconcat: [left, right],
    spacing: 30,
    resolve: { scale: { color: 'independent' } },
  } as unknown as TopLevelSpec;
  return createChart(spec);
}
