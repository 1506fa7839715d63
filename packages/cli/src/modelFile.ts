import { isLassoNetError } from '@lassonet/core';
import { type EstimatorJSON, loadEstimator } from '@lassonet/path';
import { CliError } from './errors.js';
import type { PreprocessingSpec } from './preprocess/spec.js';
import { readPreprocessingSpec } from './preprocess/spec.js';

/** What `model.json` holds: the preprocessing and the estimator, versioned together. */
export interface ModelFile {
  format: 'lassonet-model';
  version: 1;
  /** The command that fitted it: `lassonet path` or `lassonet cv`. */
  createdBy: string;
  /** The penalty of the saved network, and the features it uses. */
  lambda: number;
  selected: string[];
  preprocessing: PreprocessingSpec;
  estimator: EstimatorJSON;
}

export const MODEL_FORMAT = 'lassonet-model';
export const MODEL_VERSION = 1;

/** A model file's text, checked, with its estimator loaded (free it with `dispose()`). */
export function readModelFile(
  text: string,
  path: string,
): { file: ModelFile; estimator: ReturnType<typeof loadEstimator> } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      'INVALID_MODEL',
      `${path} is not a model file: it is not valid JSON (${(error as Error).message}).`,
    );
  }
  const file = data as Partial<ModelFile> | null;
  if (file === null || typeof file !== 'object' || file.format !== MODEL_FORMAT) {
    throw new CliError(
      'INVALID_MODEL',
      `${path} is not a lassonet model file (no format '${MODEL_FORMAT}'); lassonet path and lassonet cv write one as model.json.`,
    );
  }
  if (file.version !== MODEL_VERSION) {
    throw new CliError(
      'INVALID_MODEL',
      `${path} is a model file of version ${String(file.version)}, which this lassonet cannot read (it reads version ${MODEL_VERSION}).`,
    );
  }
  let preprocessing: PreprocessingSpec;
  try {
    preprocessing = readPreprocessingSpec(file.preprocessing);
  } catch (error) {
    throw new CliError('INVALID_MODEL', `${path}: ${(error as Error).message}`, { cause: error });
  }
  let estimator: ReturnType<typeof loadEstimator>;
  try {
    estimator = loadEstimator(file.estimator as EstimatorJSON);
  } catch (error) {
    if (!isLassoNetError(error)) throw error;
    throw new CliError('INVALID_MODEL', `${path}: ${error.message}`, { cause: error });
  }
  const nFeatures = estimator.network.config.nFeatures;
  if (nFeatures !== preprocessing.featureNames.length) {
    estimator.dispose();
    throw new CliError(
      'INVALID_MODEL',
      `${path}: the network has ${nFeatures} inputs but the preprocessing makes ${preprocessing.featureNames.length} features.`,
    );
  }
  return { file: { ...(file as ModelFile), preprocessing }, estimator };
}
