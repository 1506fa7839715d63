import {
  describeBounds,
  inBounds,
  numberOption,
  type OptionsInput,
  parseOptions,
} from '@lassonet/core';
import * as v from 'valibot';
import { parse, type Spec as VegaSpec, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { PIXELS } from './charts/common.js';
import { PlotError } from './errors.js';
import { isSingleView, panelsAt, singleViewAt } from './fitWidth.js';

const imageSize = numberOption({ integer: true, above: 0 });

const pngSchema = v.strictObject({
  /** Width of the image in pixels. With `height`, the chart is scaled to fit and centred. */
  width: v.optional(imageSize),
  height: v.optional(imageSize),
  /** Pixel density when no size is given: 2 for a sharp image on high-density screens. Default 1. */
  scale: v.optional(numberOption({ above: 0 }), 1),
});

export type PngOptions = OptionsInput<typeof pngSchema>;

/** PNG options once checked, with the default scale. */
export type PngSettings = v.InferOutput<typeof pngSchema>;

const MOUNT_WIDTH = `must be 'container' or ${describeBounds(PIXELS)}`;

const mountSchema = v.strictObject({
  /**
   * The width of the whole chart in pixels, or `'container'` for the element's width. A single
   * view is fitted by Vega-Lite's autosize (with `'container'` it also follows the window's
   * resizes); panels are measured and resized, and stacked when side by side they would be
   * narrower than 150 pixels. Default: the width the chart was made with.
   */
  width: v.optional(
    v.custom<number | 'container'>(
      (value) => value === 'container' || inBounds(value, PIXELS),
      MOUNT_WIDTH,
    ),
  ),
});

export type MountOptions = OptionsInput<typeof mountSchema>;

/** A chart: its Vega-Lite spec, and ways to render it. */
export interface Chart {
  /** The Vega-Lite specification; edit it or hand it to any Vega-Lite tool. */
  readonly spec: TopLevelSpec;
  /** The chart as an SVG document. */
  toSVG(): Promise<string>;
  /** The chart as PNG bytes (Node: resvg with the bundled font; browsers: a canvas). */
  toPNG(options?: PngOptions): Promise<Uint8Array>;
  /** Renders a live, interactive chart into an element (browsers). Resolves to the Vega view. */
  mount(element: HTMLElement, options?: MountOptions): Promise<View>;
}

/** Turns an SVG into PNG bytes; each entry point installs one. */
export type Rasterizer = (svg: string, options: PngSettings) => Promise<Uint8Array>;

let rasterizer: Rasterizer | undefined;

export function setRasterizer(next: Rasterizer): void {
  rasterizer = next;
}

function vegaSpec(spec: TopLevelSpec): VegaSpec {
  return compile(spec).spec;
}

export function createChart(spec: TopLevelSpec): Chart {
  return {
    spec,
    async toSVG() {
      const view = new View(parse(vegaSpec(spec)), { renderer: 'none' });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    },
    async toPNG(options) {
      const png = parseOptions(pngSchema, options, 'toPNG', PlotError);
      if (rasterizer === undefined) {
        throw new PlotError('NO_RASTERIZER', 'No PNG renderer is installed in this environment.');
      }
      return rasterizer(await this.toSVG(), png);
    },
    async mount(element, options) {
      const width = mountWidth(options, element);
      const shown =
        width === undefined
          ? spec
          : isSingleView(spec)
            ? singleViewAt(spec, width)
            : await panelsAt(
                spec,
                width === 'container' ? Math.max(100, element.clientWidth) : width,
              );
      const view = new View(parse(vegaSpec(shown)), {
        renderer: 'svg',
        container: element,
        hover: true,
      });
      await view.runAsync();
      return view;
    },
  };
}

function mountWidth(
  options: MountOptions | undefined,
  element: HTMLElement,
): number | 'container' | undefined {
  const { width } = parseOptions(mountSchema, options, 'mount', PlotError);
  // An element outside the page, or hidden, is 0 pixels wide: the chart would be empty.
  if (width === 'container' && element.clientWidth === 0) {
    throw new PlotError(
      'INVALID_OPTION',
      "mount: width 'container' takes the element's width, but it is 0 pixels wide; put it in the page first, or give a width in pixels.",
    );
  }
  return width;
}

/** The natural size of an SVG document from its width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const width = Number(svg.match(/<svg[^>]*\swidth="([\d.]+)"/)?.[1]);
  const height = Number(svg.match(/<svg[^>]*\sheight="([\d.]+)"/)?.[1]);
  return { width, height };
}

/**
 * Wraps an SVG in one of exactly width × height pixels, scaled uniformly to fit and centred
 * on white: PNGs get the size asked for, whatever the chart's own layout came to.
 */
export function fitSvg(svg: string, width: number, height: number): string {
  const natural = svgSize(svg);
  const inner = svg.replace(/^<\?xml[^>]*>\s*/, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<svg x="0" y="0" width="${width}" height="${height}" viewBox="0 0 ${natural.width} ${natural.height}" preserveAspectRatio="xMidYMid meet">` +
    inner.replace(/^<svg/, '<svg x="0" y="0"') +
    '</svg></svg>'
  );
}
