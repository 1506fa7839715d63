import { expect } from 'vitest';
import { PlotError, type PlotErrorCode } from '../errors.js';

export interface MarkGroup {
  /** The Vega mark type: line, area, rule, text, symbol… */
  type: string;
  /** The Vega-Lite mark name, e.g. concat_0_layer_0_marks (the view, then the layer). */
  name: string;
  body: string;
}

/** The `<g class="mark-TYPE role-mark NAME">` groups of an SVG; a line series is one group. */
export function markGroups(svg: string): MarkGroup[] {
  const groups: MarkGroup[] = [];
  for (const match of svg.matchAll(/<g class="mark-(\w+) role-mark ([^"]*)"[^>]*>(.*?)<\/g>/gs)) {
    groups.push({ type: match[1] as string, name: match[2] as string, body: match[3] as string });
  }
  return groups;
}

/** The items drawn by each mark of a type ('symbol', 'line', 'rect', 'rule', 'text', 'area'). */
export function marks(svg: string, type: string): number[] {
  return markGroups(svg)
    .filter((group) => group.type === type)
    .map((group) => (group.body.match(/<(path|line|text|rect)\b/g) ?? []).length);
}

export function pick(groups: readonly MarkGroup[], type: string, view: string): MarkGroup[] {
  return groups.filter((g) => g.type === type && g.name.startsWith(`${view}_`));
}

/** How many `<tag …>` elements the groups hold. */
export function count(groups: readonly MarkGroup[], tag: string): number {
  return groups.reduce(
    (n, group) => n + (group.body.match(new RegExp(`<${tag}[\\s/>]`, 'g'))?.length ?? 0),
    0,
  );
}

/** The stroke of every path in the groups. */
export function strokes(groups: readonly MarkGroup[]): string[] {
  return groups.flatMap((group) =>
    [...group.body.matchAll(/<path[^>]*\sstroke="([^"]*)"/g)].map((m) => m[1] as string),
  );
}

/** Every `<tag …>` element of the groups, as its opening tag (and text, for `<text>`). */
export function elements(groups: readonly MarkGroup[], tag: string): string[] {
  return groups.flatMap((group) =>
    [...group.body.matchAll(new RegExp(`<${tag}[\\s/>][^>]*>([^<]*)`, 'g'))].map((m) => m[0]),
  );
}

export function attribute(element: string, name: string): string | undefined {
  return element.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

/** The text of every `<text>` element in some SVG. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] as string)
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&'),
  );
}

/** The x, y of a `transform="translate(x,y)"`. */
export function translate(element: string): [number, number] {
  const match = element.match(/translate\(([-\d.e]+),([-\d.e]+)\)/);
  return [Number(match?.[1]), Number(match?.[2])];
}

export function expectPlotError(run: () => unknown, code: PlotErrorCode, fragment: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a PlotError ${code}`).toBeInstanceOf(PlotError);
  expect((caught as PlotError).code).toBe(code);
  expect((caught as PlotError).message).toContain(fragment);
}
