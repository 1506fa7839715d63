export { HierProxError, type HierProxErrorCode } from './errors.js';
export { type FirstDrop, type FirstDropOptions, firstDropPenalty } from './firstDropPenalty.js';
export { checkGroups } from './groups.js';
export {
  type HierProxOperator,
  type HierProxResult,
  hierProx,
  hierProxInPlace,
  prepareHierProx,
} from './hierProx.js';
export { type HierProxArrays, hierProxArrays } from './hierProxArrays.js';
export type { HierProxMethod, HierProxOptions, PreparedHierProxOptions } from './options.js';
export {
  type SelectionOptions,
  selectedFeatures,
  selectedMask,
  skipNorms,
} from './skipNorms.js';
