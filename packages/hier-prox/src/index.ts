export { HierProxError, type HierProxErrorCode } from './errors.js';
export { type FirstDrop, type FirstDropOptions, firstDropPenalty } from './firstDropPenalty.js';
export { checkGroups } from './groups.js';
export { type HierProxResult, hierProx, hierProxInPlace } from './hierProx.js';
export { type HierProxArrays, hierProxArrays } from './hierProxArrays.js';
export type { HierProxMethod, HierProxOptions } from './options.js';
export {
  type SelectionOptions,
  selectedFeatures,
  selectedMask,
  skipNorms,
} from './skipNorms.js';
