import { parse, type Scene, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Panels side by side narrower than this are stacked instead: their labels would crowd. */
export const MIN_PANEL_WIDTH = 150;

/** Measure-and-correct rounds for panels: axis labels change a little with the panels' width. */
const ROUNDS = 5;
/** A first guess of the room a panel's axis and the spacing take, corrected once measured. */
const AXIS_GUESS = 60;

type Json = Record<string, unknown>;
type ConcatKey = 'hconcat' | 'vconcat';

const FIT = { type: 'fit', contains: 'padding' } as const;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a spec is one view (a unit or layers) that Vega-Lite's autosize can fit by itself. */
export function isSingleView(spec: TopLevelSpec): boolean {
  const json = spec as unknown as Json;
  return !['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((key) => key in json);
}

/** A single view at a total width, padding included; `'container'` follows its element. */
export function singleViewAt(spec: TopLevelSpec, width: number | 'container'): TopLevelSpec {
  return { ...(spec as unknown as Json), width, autosize: FIT } as unknown as TopLevelSpec;
}

/**
 * The spec with its panels resized so that the whole chart is at most `width` pixels wide,
 * as close to it as a few rounds get. Vega-Lite's autosize cannot fit panels (hconcat and
 * vconcat), so this lays the chart out, measures it and corrects the panels' widths. Panels side
 * by side that would be narrower than MIN_PANEL_WIDTH are stacked, and panel titles wider than
 * their panel are wrapped. Specs of other shapes come back unchanged.
 */
export async function panelsAt(spec: TopLevelSpec, width: number): Promise<TopLevelSpec> {
  const json = spec as unknown as Json;
  const key: ConcatKey | undefined =
    'hconcat' in json ? 'hconcat' : 'vconcat' in json ? 'vconcat' : undefined;
  const panels = key === undefined ? undefined : json[key];
  if (key === undefined || !Array.isArray(panels)) return spec;
  const own = panels.map((panel) => (isObject(panel) ? panel.width : undefined));
  if (!own.every((w): w is number => typeof w === 'number' && w > 0)) return spec;

  if (key === 'hconcat') {
    const sum = own.reduce((a, b) => a + b, 0);
    const start = scaled(own, (width - own.length * AXIS_GUESS) / sum);
    const row = await fitRounds(json, 'hconcat', start, width);
    if (row !== undefined) return row.spec;
  }
  // Stacked: every panel as wide as the chart less its axis, the widest as wide as the chart.
  const widest = Math.max(...own);
  const start = own.map((w) => Math.max(1, Math.round(w - widest + width - AXIS_GUESS)));
  return ((await fitRounds(json, 'vconcat', start, width)) as Fitted).spec;
}

interface Fitted {
  spec: TopLevelSpec;
  widths: number[];
}

/**
 * Lays the panels out at `start` widths and corrects them from the measured width, a few rounds.
 * Side by side, undefined once a panel would be narrower than MIN_PANEL_WIDTH.
 */
async function fitRounds(
  json: Json,
  key: ConcatKey,
  start: number[],
  width: number,
): Promise<Fitted | undefined> {
  let widths = start;
  let best: (Fitted & { measured: number }) | undefined;
  let last: Fitted | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    if (key === 'hconcat' && Math.min(...widths) < MIN_PANEL_WIDTH) return undefined;
    const spec = withPanels(json, key, widths);
    const measured = await measuredWidth(spec);
    last = { spec, widths };
    if (measured <= width && (best === undefined || measured > best.measured)) {
      best = { spec, widths, measured };
    }
    // Close enough: a pixel or two per panel is rounding and tick labels.
    if (measured <= width && width - measured <= 2 * widths.length) break;
    const excess = measured - width;
    const sum = widths.reduce((a, b) => a + b, 0);
    widths =
      key === 'hconcat'
        ? scaled(widths, (sum - excess) / sum)
        : widths.map((w) => Math.max(1, Math.floor(w - excess)));
  }
  return best ?? last;
}

const scaled = (widths: readonly number[], factor: number) =>
  widths.map((w) => Math.max(1, Math.floor(w * factor)));

function withPanels(json: Json, key: ConcatKey, widths: readonly number[]): TopLevelSpec {
  const { hconcat, vconcat, ...rest } = json;
  const panels = (hconcat ?? vconcat) as Json[];
  const config = isObject(json.config) ? json.config : {};
  return {
    ...rest,
    [key]: panels.map((panel, i) => {
      const panelWidth = widths[i] as number;
      const title =
        panel.title === undefined ? {} : { title: wrapTitle(panel.title, panelWidth, config) };
      return { ...panel, width: panelWidth, ...title };
    }),
  } as unknown as TopLevelSpec;
}

/** The chart's total width in pixels once laid out, as the live view draws it. */
async function measuredWidth(spec: TopLevelSpec): Promise<number> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    await view.runAsync();
    // Typed as a Scene, scenegraph() is the scene graph: its root's group is the whole chart.
    const group = (view.scenegraph() as unknown as { root: Scene }).root.items[0];
    if (group === undefined) return 0;
    const { bounds } = group;
    const width = Math.max(0, (group as { width?: number }).width ?? 0);
    const padding = view.padding();
    const [left, right] =
      typeof padding === 'number' ? [padding, padding] : [padding.left ?? 0, padding.right ?? 0];
    // Rounded as Vega's 'pad' autosize rounds the parts that stick out of the group.
    return (
      width +
      Math.max(0, Math.ceil(-bounds.x1)) +
      Math.max(0, Math.ceil(bounds.x2 - width)) +
      left +
      right
    );
  } finally {
    view.finalize();
  }
}

let context: CanvasRenderingContext2D | null | undefined;

/** A text's width in the page's fonts, as Vega measures it; undefined without a canvas. */
function textWidth(text: string, font: string): number | undefined {
  if (context === undefined) {
    context =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (context === null) return undefined;
  context.font = font;
  return context.measureText(text).width;
}

/**
 * A panel title on as many lines as it needs to be no wider than its panel: a one-line title
 * wider than the panel would widen the panel's cell, and the chart would not fit.
 */
function wrapTitle(title: unknown, width: number, config: Json): unknown {
  const spec: Json | undefined =
    typeof title === 'string' ? { text: title } : isObject(title) ? title : undefined;
  if (spec === undefined || typeof spec.text !== 'string') return title;
  const shared = isObject(config.title) ? config.title : {};
  const pick = (name: string, fallback: string | number) => spec[name] ?? shared[name] ?? fallback;
  // Vega-Lite's defaults for titles: 13 px bold, in the chart's font.
  const font = `${pick('fontWeight', 'bold')} ${pick('fontSize', 13)}px ${pick('font', (config.font as string | undefined) ?? 'sans-serif')}`;
  const lines: string[] = [];
  for (const word of spec.text.split(' ')) {
    const line = lines.at(-1);
    const longer = line === undefined ? word : `${line} ${word}`;
    if (line !== undefined && (textWidth(longer, font) ?? 0) <= width) {
      lines[lines.length - 1] = longer;
    } else {
      lines.push(word);
    }
  }
  return lines.length <= 1 ? title : { ...spec, text: lines };
}
