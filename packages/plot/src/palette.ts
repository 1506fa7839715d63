/**
 * Okabe and Ito's palette, distinguishable with every common form of colour blindness
 * (https://jfly.uni-koeln.de/color/). Black is left out: it is the text colour.
 */
export const PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/** For context lines drawn behind the highlighted ones. */
export const MUTED = '#9a9a9a';

/** Shared look: one font that ships with the package (for PNGs), readable sizes at 100% zoom. */
export const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export const BASE_CONFIG = {
  font: FONT,
  background: 'white',
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 10 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    grid: true,
    gridOpacity: 0.5,
  },
  legend: { labelFontSize: 12, titleFontSize: 12 },
  range: { category: [...PALETTE] },
  view: { stroke: null },
} as const;
