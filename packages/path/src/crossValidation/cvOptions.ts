import { ModelError } from '@lassonet/model';

/** What the cross-validation estimators take besides the estimator's own options. */
export interface CVOptions {
  /** The number of folds, an integer >= 2. Default 5. */
  cv?: number;
  /**
   * Fold paths trained at once (each in its own worker where workers are available). Default:
   * `defaultWorkers(cv, cores)`, one per core or a few more when that shortens the last round
   * (3 for 5 folds on 2 cores). Results are the same for every value.
   */
  concurrency?: number;
  /** The worker script browsers need for concurrency; under Node the package's own is used. */
  workerUrl?: string | URL;
}

export const CV_OPTIONS = ['cv', 'concurrency', 'workerUrl'] as const;

/** The checked CV options, and the rest: the options of each fold's estimator. */
export interface SplitCVOptions {
  cv: number;
  concurrency: number | undefined;
  workerUrl: string | URL | undefined;
  estimatorOptions: Record<string, unknown>;
}

function integerAtLeast(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ModelError(
      'INVALID_OPTION',
      `${name} must be an integer >= ${min}, got ${String(value)}.`,
    );
  }
  return value;
}

/** Checks `cv`, `concurrency` and `workerUrl` and separates them from the estimator's options. */
export function splitCVOptions(o: Record<string, unknown>, where: string): SplitCVOptions {
  const { cv, concurrency, workerUrl, ...estimatorOptions } = o;
  if (workerUrl !== undefined && typeof workerUrl !== 'string' && !(workerUrl instanceof URL)) {
    throw new ModelError('INVALID_OPTION', 'workerUrl must be a string or a URL.');
  }
  if (Array.isArray(estimatorOptions.lambdaSeq) && estimatorOptions.lambdaSeq.length === 0) {
    throw new ModelError(
      'INVALID_OPTION',
      `${where} needs a path in every fold, but lambdaSeq [] trains the dense model only.`,
    );
  }
  return {
    cv: cv === undefined ? 5 : integerAtLeast('cv (the number of folds)', cv, 2),
    concurrency:
      concurrency === undefined ? undefined : integerAtLeast('concurrency', concurrency, 1),
    workerUrl,
    estimatorOptions,
  };
}
