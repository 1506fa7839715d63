import { ModelError } from '@lassonet/model';
import type { ClassificationY, LassoNetClassifierOptions } from '../estimators/classifier.js';
import type { LassoNetCoxRegressorOptions, SurvivalY } from '../estimators/coxRegressor.js';
import type { IntervalY } from '../estimators/intervalRegressor.js';
import type { RegressionY } from '../estimators/regressor.js';
import { type LassoNetOptions, readOptionsObject } from '../options.js';
import type { PathStep } from '../pathStep.js';

/** The targets and the options of each estimator stability selection can train. */
export interface StabilityEstimators {
  regressor: { y: RegressionY; options: LassoNetOptions };
  classifier: { y: ClassificationY; options: LassoNetClassifierOptions };
  cox: { y: SurvivalY; options: LassoNetCoxRegressorOptions };
  interval: { y: IntervalY; options: LassoNetOptions };
}

/** The estimator that trains the paths, by name. */
export type StabilityEstimatorKind = keyof StabilityEstimators;

/** Options of `stabilitySelection()`. */
export interface StabilitySelectionOptions<
  K extends StabilityEstimatorKind = StabilityEstimatorKind,
> {
  /** The estimator: 'regressor', 'classifier', 'cox' or 'interval'. Required. */
  estimator: K;
  /** The estimator's options, the same for every path (plain data). */
  options?: StabilityEstimators[K]['options'];
  /** Paths on random halves that vote on the features. Default 20. */
  nModels?: number;
  /** Seed of the random halves. Default 0. The networks use `options.seed`. */
  seed?: number;
  /**
   * Paths trained at once, each in its own worker (worker threads under Node, Web Workers in
   * browsers); 1 trains them one after another in this thread. Default under Node:
   * `defaultWorkers(nModels, cores)`, one per core or a few more when that shortens the last
   * round. Results do not depend on it.
   */
  concurrency?: number;
  /** The worker script browsers need for concurrency; under Node the package's own is used. */
  workerUrl?: string | URL;
  /** Aborting stops every path; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called as each of the nModels paths finishes (in any order), with its index. */
  onModel?: (index: number, steps: PathStep[]) => void;
}

/** The options checked, with the defaults filled in. */
export interface ResolvedStabilityOptions {
  estimator: StabilityEstimatorKind;
  options: LassoNetOptions & Record<string, unknown>;
  nModels: number;
  seed: number;
  concurrency: number | undefined;
  workerUrl: string | URL | undefined;
  signal: AbortSignal | undefined;
  onModel: ((index: number, steps: PathStep[]) => void) | undefined;
}

const WHERE = 'stabilitySelection';
const KNOWN = [
  'estimator',
  'options',
  'nModels',
  'seed',
  'concurrency',
  'workerUrl',
  'signal',
  'onModel',
];
const KINDS: readonly string[] = ['regressor', 'classifier', 'cox', 'interval'];
const KIND_LIST = "'regressor', 'classifier', 'cox' or 'interval'";

function fail(message: string): never {
  throw new ModelError('INVALID_OPTION', message);
}

function integer(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(`${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/**
 * Checks the options of `stabilitySelection()` and fills in the defaults. The estimator checks
 * its own options, and the parallel layer checks concurrency and workerUrl.
 */
export function readStabilityOptions(options: unknown): ResolvedStabilityOptions {
  const o = readOptionsObject(options, KNOWN, WHERE);
  if (o.estimator === undefined) fail(`${WHERE} needs an estimator: ${KIND_LIST}.`);
  if (typeof o.estimator !== 'string' || !KINDS.includes(o.estimator)) {
    fail(`estimator must be ${KIND_LIST}, got ${String(o.estimator)}.`);
  }
  const estimatorOptions = o.options ?? {};
  if (
    estimatorOptions === null ||
    typeof estimatorOptions !== 'object' ||
    Array.isArray(estimatorOptions)
  ) {
    fail(`options must be the estimator's options object, got ${String(estimatorOptions)}.`);
  }
  const signal = o.signal;
  if (
    signal !== undefined &&
    (signal === null ||
      typeof signal !== 'object' ||
      typeof (signal as { aborted?: unknown }).aborted !== 'boolean')
  ) {
    fail('signal must be an AbortSignal.');
  }
  if (o.onModel !== undefined && typeof o.onModel !== 'function') {
    fail('onModel must be a function.');
  }
  return {
    estimator: o.estimator as StabilityEstimatorKind,
    options: { ...estimatorOptions } as LassoNetOptions & Record<string, unknown>,
    nModels: integer('nModels', o.nModels ?? 20, 1),
    seed: integer('seed', o.seed ?? 0, 0),
    // The parallel layer checks these, with the same messages for every caller.
    concurrency: o.concurrency as number | undefined,
    workerUrl: o.workerUrl as string | URL | undefined,
    signal: signal as AbortSignal | undefined,
    onModel: o.onModel as ResolvedStabilityOptions['onModel'],
  };
}
