import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { fitSvg, type PngSettings } from './chart.js';

const require = createRequire(import.meta.url);
// The font ships with the package, so text renders the same on a machine without any fonts.
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

/** SVG to PNG with resvg (native, no browser) and the bundled DejaVu Sans. */
export async function rasterizeNode(svg: string, options: PngSettings): Promise<Uint8Array> {
  const { width, height, scale } = options;
  // Both sides given: exactly that size, the chart scaled to fit and centred. One side: the
  // other follows the chart's aspect ratio. Neither: the chart's own size times `scale`.
  const source = width !== undefined && height !== undefined ? fitSvg(svg, width, height) : svg;
  const fitTo =
    width !== undefined
      ? ({ mode: 'width', value: width } as const)
      : height !== undefined
        ? ({ mode: 'height', value: height } as const)
        : ({ mode: 'zoom', value: scale } as const);
  const resvg = new Resvg(source, {
    fitTo,
    background: 'white',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
