// The browser entry: PNGs through a canvas. Under Node the package resolves to index.node.ts.
import { setRasterizer } from './chart.js';
import { rasterizeBrowser } from './rasterizeBrowser.js';

setRasterizer(rasterizeBrowser);

export type { Chart, MountOptions, PngOptions } from './chart.js';
export type { ChartOptions } from './charts/common.js';
export {
  type CVChartOptions,
  type CVResultLike,
  plotCV,
} from './charts/plotCV.js';
export {
  type ImportanceChartOptions,
  plotImportances,
} from './charts/plotImportances.js';
export {
  type PathChartOptions,
  type PathPoint,
  plotAccuracy,
  plotPath,
} from './charts/plotPath.js';
export {
  plotStability,
  type StabilityChartOptions,
  type StabilityResultLike,
} from './charts/plotStability.js';
export { PlotError, type PlotErrorCode } from './errors.js';
export { MUTED, PALETTE } from './palette.js';
