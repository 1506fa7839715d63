import { fitSvg, type PngSettings, svgSize } from './chart.js';

/** SVG to PNG in a browser: the SVG is drawn as an image onto a canvas. */
export async function rasterizeBrowser(svg: string, options: PngSettings): Promise<Uint8Array> {
  const natural = svgSize(svg);
  const { scale } = options;
  const width = side(options.width, options.height, natural.width, natural.height, scale);
  const height = side(options.height, options.width, natural.height, natural.width, scale);
  const url = URL.createObjectURL(
    new Blob([fitSvg(svg, width, height)], { type: 'image/svg+xml' }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser gives no 2-D canvas context.');
    context.drawImage(image, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * One side of the image in pixels: as given; else, when the other side is given, following the
 * chart's aspect ratio; else the chart's own size times `scale`.
 */
function side(
  given: number | undefined,
  other: number | undefined,
  natural: number,
  naturalOther: number,
  scale: number,
): number {
  if (given !== undefined) return given;
  return Math.round(other !== undefined ? (natural * other) / naturalOther : natural * scale);
}
