// The browser entry (also workers and bundlers): everything but file system access. Under
// Node the package resolves to index.node.ts, whose loadMice also reads files and caches.
// Random is @lassonet/core's, re-exported for convenience.
export { Random } from '@lassonet/core';
export {
  type CsvMatrix,
  type CsvMatrixOptions,
  type CsvTable,
  type CsvTableOptions,
  csvToMatrix,
  type MissingCell,
  parseCsvTable,
} from './csv.js';
export { DatasetError, type DatasetErrorCode } from './errors.js';
export { type Fold, type KFoldOptions, kFold, stratifiedKFold } from './kFold.js';
export { checkLabels, checkMatrix, type Matrix, type MatrixShape } from './matrix.js';

import { type BrowserMiceOptions, loadMice } from './mice/loadMice.js';
import { withMiceSplit } from './mice/miceSplit.js';

export {
  type BrowserMiceOptions,
  type LoadedMice,
  loadMice,
  type MiceSource,
  type MiceSourceOption,
} from './mice/loadMice.js';
/** Loads MICE (see loadMice) and applies the seed demo's split and scaling (see miceSplit). */
export const loadMiceSplit = withMiceSplit<BrowserMiceOptions>(loadMice);
export { MICE_FILE_NAME, MICE_SHA256, MICE_URL } from './mice/miceFile.js';
export { type MiceSplit, type MiceSplitOptions, miceSplit } from './mice/miceSplit.js';
export { type MiceData, parseMice } from './mice/parseMice.js';
export {
  MinMaxScaler,
  type MinMaxScalerOptions,
  type MinMaxScalerParams,
  StandardScaler,
  type StandardScalerOptions,
  type StandardScalerParams,
} from './scalers.js';
export {
  shuffledIndices,
  type TrainTestSplit,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './split.js';
export {
  type ClassificationOptions,
  type Friedman1Options,
  makeClassification,
  makeFriedman1,
  type SyntheticData,
} from './synthetic.js';
