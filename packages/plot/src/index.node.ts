// The Node entry: the browser entry's API, with PNGs through resvg and the bundled font instead
// of a canvas (modules evaluate in order, so this rasterizer is the one installed).
import { setRasterizer } from './chart.js';
import { rasterizeNode } from './rasterizeNode.js';

export * from './index.js';

setRasterizer(rasterizeNode);
