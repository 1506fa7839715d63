export { abortError } from './abortError.js';
export { describeValue } from './describeValue.js';
export { isLassoNetError, LassoNetError } from './errors.js';
export { nearestName } from './nearestName.js';
export {
  booleanOption,
  choiceOption,
  describeBounds,
  functionOption,
  inBounds,
  type NumberBounds,
  numberOption,
  type OptionErrorClass,
  type OptionErrorCode,
  type OptionSchema,
  type OptionsInput,
  parseOptions,
  type ReadonlyInput,
} from './options.js';
export { Random } from './random.js';
export { workerExecArgv } from './workerExecArgv.js';
