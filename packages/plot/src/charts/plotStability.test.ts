// Installs the PNG rasterizer (resvg) as a side effect.
import '../index.node.js';
import { describe, expect, it } from 'vitest';
import { svgSize } from '../chart.js';
import type { PlotErrorCode } from '../errors.js';
import { MUTED, PALETTE } from '../palette.js';
import { saveArtifact } from '../test-utils/inspect.js';
import { pngSize } from '../test-utils/png.js';
import {
  attribute,
  elements,
  expectPlotError,
  markGroups,
  pick,
  texts,
  translate,
} from '../test-utils/svg.js';
import { plotStability, type StabilityResultLike } from './plotStability.js';

// 10 features × 40 path steps with λ growing along the path: feature j stays selected until
// about step 6 + 3.5·STRENGTH[j], so the strongest hold out longest.
const D = 10;
const STEPS = 40;
const NAMES = [
  'age',
  'sex',
  'bmi',
  'blood_pressure',
  'cholesterol',
  'ldl',
  'hdl',
  'thyroid',
  'glucose',
  'triglycerides',
];
const STRENGTH = [3, 7, 0, 9, 5, 1, 8, 2, 6, 4];
const LAMBDAS = Array.from({ length: STEPS }, (_, t) => 0.01 * 1.15 ** t);
const PROB = Array.from({ length: STEPS }, (_, t) =>
  STRENGTH.map((s) => 1 / (1 + Math.exp((t - (6 + 3.5 * s)) / 2.5))),
);
// Most stable first: blood_pressure, hdl, sex, glucose, cholesterol, triglycerides, …
const ORDER = [...NAMES.keys()].sort((a, b) => (STRENGTH[b] as number) - (STRENGTH[a] as number));
const WRONG = [0.05, 0.2, 0.45, 0.8, 1.3, 2.0, 3.1, 4.6, Number.POSITIVE_INFINITY, Infinity];
const RESULT: StabilityResultLike = {
  prob: PROB,
  lambdas: LAMBDAS,
  wrong: WRONG,
  order: ORDER,
  oracle: 4,
};

describe('plotStability', () => {
  it('draws every probability path, the top five coloured and labelled, and the expected wrong', async () => {
    const svg = await plotStability(RESULT, NAMES).toSVG();
    const words = texts(svg);
    for (const title of [
      'Stability selection',
      'Selection probability',
      'λ (penalty, log scale)',
      'Expected wrong selections',
      'Selected features (count)',
      'oracle = 4',
    ]) {
      expect(words).toContain(title);
    }
    expect(words).not.toContain('Path step');

    const marks = markGroups(svg);
    // Left: one path per feature, 5 grey and the 5 most stable in palette order.
    const paths = elements(pick(marks, 'line', 'concat_0'), 'path');
    expect(paths).toHaveLength(D);
    const grey = paths.filter((p) => attribute(p, 'stroke') === MUTED);
    expect(grey).toHaveLength(D - 5);
    for (const [rank, feature] of ORDER.slice(0, 5).entries()) {
      const line = paths.find((p) =>
        attribute(p, 'aria-label')?.includes(`feature: ${NAMES[feature]};`),
      );
      expect(attribute(line ?? '', 'stroke'), NAMES[feature]).toBe(PALETTE[rank]);
    }
    for (const feature of ORDER.slice(5)) {
      const line = paths.find((p) =>
        attribute(p, 'aria-label')?.includes(`feature: ${NAMES[feature]};`),
      );
      expect(attribute(line ?? '', 'stroke'), NAMES[feature]).toBe(MUTED);
    }

    // Labels: the five names, in their lines' colours, at the right-hand end and not overlapping.
    const labels = elements(pick(marks, 'text', 'concat_0'), 'text');
    expect(labels.map((l) => l.replace(/^.*>/, ''))).toEqual(
      ORDER.slice(0, 5).map((j) => NAMES[j]),
    );
    expect(labels.map((l) => attribute(l, 'fill'))).toEqual(PALETTE.slice(0, 5));
    const positions = labels.map(translate);
    const xs = new Set(positions.map(([x]) => x));
    expect(xs.size).toBe(1);
    const ys = positions.map(([, y]) => y).sort((a, b) => a - b);
    for (let k = 1; k < ys.length; k++) {
      expect((ys[k] as number) - (ys[k - 1] as number)).toBeGreaterThanOrEqual(14);
    }

    // Right: the 8 finite expected-wrong values as a line and points, the oracle as a rule.
    expect(elements(pick(marks, 'line', 'concat_1'), 'path')).toHaveLength(1);
    expect(elements(pick(marks, 'symbol', 'concat_1'), 'path')).toHaveLength(8);
    const rules = elements(pick(marks, 'rule', 'concat_1'), 'line');
    expect(rules).toHaveLength(1);
    expect(attribute(rules[0] ?? '', 'stroke')).toBe(PALETTE[3]);
    expect(attribute(rules[0] ?? '', 'stroke-dasharray')).toBe('6,4');
  });

  it('keeps the plotted data in the spec: labels at the last step, only finite expected wrong', () => {
    const spec = plotStability(RESULT, NAMES).spec as unknown as {
      datasets: {
        probabilities: { featureIndex: number; prob: number; highlighted: boolean }[];
        labels: { name: string; lambda: number; prob: number; labelProb: number }[];
        wrong: { k: number; wrong: number }[];
      };
    };
    const { probabilities, labels, wrong } = spec.datasets;
    expect(probabilities).toHaveLength(D * STEPS);
    expect(probabilities.filter((row) => row.highlighted)).toHaveLength(5 * STEPS);
    expect(labels.map((l) => l.name)).toEqual(ORDER.slice(0, 5).map((j) => NAMES[j]));
    for (const [r, label] of labels.entries()) {
      expect(label.lambda).toBe(LAMBDAS[STEPS - 1]);
      expect(label.prob).toBe(PROB[STEPS - 1]?.[ORDER[r] as number]);
    }
    expect(wrong).toEqual(WRONG.slice(0, 8).map((w, i) => ({ k: i + 1, wrong: w })));
  });

  it('uses the path step without lambdas, honours top, and drops the rule when oracle is 0', async () => {
    const { lambdas: _, ...withoutLambdas } = RESULT;
    const chart = plotStability({ ...withoutLambdas, oracle: 0 }, NAMES, {
      top: 3,
      title: 'Which features are stable?',
      width: 1000,
      height: 400,
    });
    const svg = await chart.toSVG();
    const words = texts(svg);
    expect(words).toContain('Which features are stable?');
    expect(words).toContain('Path step');
    expect(words).not.toContain('λ (penalty, log scale)');
    expect(words.some((w) => w.startsWith('oracle'))).toBe(false);
    const marks = markGroups(svg);
    const paths = elements(pick(marks, 'line', 'concat_0'), 'path');
    expect(paths.filter((p) => attribute(p, 'stroke') === MUTED)).toHaveLength(D - 3);
    expect(elements(pick(marks, 'text', 'concat_0'), 'text')).toHaveLength(3);
    expect(pick(marks, 'rule', 'concat_1')).toHaveLength(0);
    const labels = (chart.spec as unknown as { datasets: { labels: { step: number }[] } }).datasets
      .labels;
    expect(labels.map((l) => l.step)).toEqual([STEPS - 1, STEPS - 1, STEPS - 1]);
  });

  it('renders a PNG of exactly the size asked for, at full scale when the chart is sized to match', async () => {
    // Laid out for the PNG's size, the chart is drawn neither shrunk nor padded, so its text
    // keeps its size. (The panel titles need about 1280 pixels of width.)
    const chart = plotStability(RESULT, NAMES, { width: 1200, height: 625 });
    const natural = svgSize(await chart.toSVG());
    expect(natural.width / 1280).toBeGreaterThan(0.97);
    expect(natural.width / 1280).toBeLessThan(1.03);
    expect(natural.height / 600).toBeGreaterThan(0.97);
    expect(natural.height / 600).toBeLessThan(1.03);
    const png = await chart.toPNG({ width: 1280, height: 600 });
    expect(pngSize(png)).toEqual({ width: 1280, height: 600 });
    saveArtifact('plotStability.png', png);
  });

  describe('rejects bad input with a PlotError that names the problem', () => {
    const result = (patch: Partial<Record<keyof StabilityResultLike, unknown>>) =>
      ({ ...RESULT, ...patch }) as unknown as StabilityResultLike;
    const withProb = (t: number, j: number, p: number) =>
      PROB.map((row, s) => (s === t ? row.map((v, k) => (k === j ? p : v)) : row));
    const cases: [string, () => unknown, PlotErrorCode, string][] = [
      [
        'empty prob',
        () => plotStability(result({ prob: [] }), NAMES),
        'EMPTY_DATA',
        'prob is empty',
      ],
      [
        'no features',
        () => plotStability(result({ prob: [[]] }), NAMES),
        'EMPTY_DATA',
        'no features to plot',
      ],
      [
        'ragged rows',
        () =>
          plotStability(
            result({ prob: PROB.map((row, t) => (t === 3 ? row.slice(1) : row)) }),
            NAMES,
          ),
        'SHAPE_MISMATCH',
        'prob[3] has 9 features but prob[0] has 10',
      ],
      [
        'too few names',
        () => plotStability(RESULT, NAMES.slice(1)),
        'SHAPE_MISMATCH',
        'featureNames has 9 names but prob has 10 features',
      ],
      [
        'lambdas of the wrong length',
        () => plotStability(result({ lambdas: LAMBDAS.slice(1) }), NAMES),
        'SHAPE_MISMATCH',
        'lambdas has 39 entries but prob has 40 path steps',
      ],
      [
        'a zero lambda',
        () => plotStability(result({ lambdas: [0, ...LAMBDAS.slice(1)] }), NAMES),
        'INVALID_OPTION',
        'lambdas[0] is 0; the λ axis is logarithmic',
      ],
      [
        'wrong of the wrong length',
        () => plotStability(result({ wrong: WRONG.slice(1) }), NAMES),
        'SHAPE_MISMATCH',
        'wrong has 9 entries but prob has 10 features',
      ],
      [
        'a NaN expected wrong',
        () =>
          plotStability(result({ wrong: WRONG.map((w, k) => (k === 2 ? Number.NaN : w)) }), NAMES),
        'NON_FINITE',
        'wrong[2] is NaN',
      ],
      [
        'order of the wrong length',
        () => plotStability(result({ order: ORDER.slice(1) }), NAMES),
        'SHAPE_MISMATCH',
        'order has 9 entries but prob has 10 features',
      ],
      [
        'order with a repeat',
        () => plotStability(result({ order: [3, 3, 0, 1, 2, 4, 5, 6, 7, 8] }), NAMES),
        'INVALID_OPTION',
        'order lists feature 3 twice; it must be a permutation of 0..9',
      ],
      [
        'order out of range',
        () => plotStability(result({ order: [10, 1, 2, 3, 4, 5, 6, 7, 8, 9] }), NAMES),
        'INVALID_OPTION',
        'order[0] is 10; order must be a permutation of 0..9',
      ],
      [
        'a probability above 1',
        () => plotStability(result({ prob: withProb(5, 2, 1.2) }), NAMES),
        'INVALID_OPTION',
        'prob[5][2] is 1.2; a probability lies in [0, 1]',
      ],
      [
        'a NaN probability',
        () => plotStability(result({ prob: withProb(5, 2, Number.NaN) }), NAMES),
        'NON_FINITE',
        'prob[5][2] is NaN',
      ],
      [
        'oracle above d',
        () => plotStability(result({ oracle: 11 }), NAMES),
        'INVALID_OPTION',
        'oracle is 11; it is a number of features, an integer in 0..10',
      ],
      [
        'a fractional oracle',
        () => plotStability(result({ oracle: 2.5 }), NAMES),
        'INVALID_OPTION',
        'oracle is 2.5',
      ],
      [
        'top of 0',
        () => plotStability(RESULT, NAMES, { top: 0 }),
        'INVALID_OPTION',
        'top must be an integer >= 1, got 0',
      ],
      [
        'a fractional top',
        () => plotStability(RESULT, NAMES, { top: 1.5 }),
        'INVALID_OPTION',
        'top must be an integer >= 1, got 1.5',
      ],
      [
        'an unknown option',
        () => plotStability(RESULT, NAMES, { scoreName: 'x' } as never),
        'UNKNOWN_OPTION',
        "Unknown option 'scoreName' for plotStability",
      ],
      [
        'a bad height',
        () => plotStability(RESULT, NAMES, { height: 20000 }),
        'INVALID_OPTION',
        'height must be an integer in [100, 10000], got 20000',
      ],
    ];
    it.each(cases)('%s', (_, run, code, fragment) => {
      expectPlotError(run, code, fragment);
    });
  });
});
