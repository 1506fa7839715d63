import { type Features, type LassoNetCheckpoint, ModelError } from '@lassonet/model';
import type { BaseLassoNet, EstimatorJSON } from './estimator.js';
import { LassoNetClassifier } from './estimators/classifier.js';
import { LassoNetCoxRegressor } from './estimators/coxRegressor.js';
import { LassoNetIntervalRegressor } from './estimators/intervalRegressor.js';
import { LassoNetRegressor } from './estimators/regressor.js';
import { classifierSchema, coxSchema, type EstimatorSchema, regressorSchema } from './options.js';

/** What the library knows of one kind of estimator. */
export interface EstimatorEntry {
  /** The class: `new Estimator(options)`. */
  Estimator: new (
    options?: Record<string, unknown>,
  ) => BaseLassoNet<unknown, unknown>;
  /** The valibot schema of its options (defaults included). */
  schema: EstimatorSchema;
  /** The loss it trains. */
  loss: 'meanSquaredError' | 'crossEntropy' | 'coxPartialLikelihood' | 'intervalLogNormal';
  /** What `score` returns. */
  score: 'r2' | 'accuracy' | 'concordance';
  /** Whether cross-validation folds keep each class's share of the rows. */
  stratified: boolean;
}

type Constructor = EstimatorEntry['Estimator'];

/**
 * Every kind of estimator, by name: cross-validation, stability selection, path tasks in
 * workers and `loadEstimator` all find their estimator here.
 */
export const ESTIMATORS = {
  regressor: {
    Estimator: LassoNetRegressor as unknown as Constructor,
    schema: regressorSchema,
    loss: 'meanSquaredError',
    score: 'r2',
    stratified: false,
  },
  classifier: {
    Estimator: LassoNetClassifier as unknown as Constructor,
    schema: classifierSchema,
    loss: 'crossEntropy',
    score: 'accuracy',
    stratified: true,
  },
  cox: {
    Estimator: LassoNetCoxRegressor as unknown as Constructor,
    schema: coxSchema,
    loss: 'coxPartialLikelihood',
    score: 'concordance',
    stratified: false,
  },
  interval: {
    Estimator: LassoNetIntervalRegressor as unknown as Constructor,
    schema: regressorSchema,
    loss: 'intervalLogNormal',
    score: 'concordance',
    stratified: false,
  },
} as const satisfies Record<string, EstimatorEntry>;

/** The kinds of estimator, by the name a task or a saved model gives. */
export type EstimatorKind = keyof typeof ESTIMATORS;

/** The registered kinds, in a fixed order. */
export const ESTIMATOR_KINDS = Object.keys(ESTIMATORS) as EstimatorKind[];

/** Whether `kind` names a registered estimator. */
export function isEstimatorKind(kind: unknown): kind is EstimatorKind {
  return typeof kind === 'string' && Object.hasOwn(ESTIMATORS, kind);
}

/** The registry entry of `kind`, or an INVALID_OPTION error listing the kinds. */
export function estimatorEntry(kind: unknown, where = 'estimator'): EstimatorEntry {
  if (!isEstimatorKind(kind)) {
    throw new ModelError(
      'INVALID_OPTION',
      `${where} must be one of ${ESTIMATOR_KINDS.map((k) => `'${k}'`).join(', ')}, got ${JSON.stringify(kind)}.`,
    );
  }
  return ESTIMATORS[kind];
}

/** An estimator of a kind known at run time: what every registered estimator does. */
export type AnyEstimator = BaseLassoNet<unknown, unknown> & {
  /** Predictions: values, classes or risk scores by the kind. */
  predict(X: Features): number[] | number[][];
  /** R², accuracy or the concordance index by the kind. */
  score(X: Features, y: unknown): number;
};

/** A new, unfitted estimator of `kind` (its options checked by its schema). */
export function createEstimator(
  kind: EstimatorKind,
  options: Record<string, unknown> = {},
): AnyEstimator {
  const { Estimator } = estimatorEntry(kind);
  return new Estimator(options) as AnyEstimator;
}

/**
 * An estimator saved with `toJSON()`, fitted again: the class comes from the registry by the
 * saved kind, the options are checked as when it was made, the network is the saved one.
 */
export function loadEstimator(json: EstimatorJSON | string): AnyEstimator {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new ModelError(
        'INVALID_CHECKPOINT',
        `The saved estimator is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const saved = data as Partial<EstimatorJSON> | null;
  if (saved === null || typeof saved !== 'object' || saved.format !== 'lassonet-estimator') {
    throw new ModelError(
      'INVALID_CHECKPOINT',
      "This is not a saved LassoNet estimator (no format 'lassonet-estimator'); save one with estimator.toJSON().",
    );
  }
  if (saved.version !== 1) {
    throw new ModelError(
      'INVALID_CHECKPOINT',
      `Saved estimator version ${String(saved.version)} is not supported (this library reads version 1).`,
    );
  }
  if (!isEstimatorKind(saved.kind)) {
    throw new ModelError(
      'INVALID_CHECKPOINT',
      `The saved estimator's kind ${JSON.stringify(saved.kind)} is not one of ${ESTIMATOR_KINDS.join(', ')}.`,
    );
  }
  const estimator = createEstimator(saved.kind, saved.options ?? {});
  estimator.load(saved.checkpoint as LassoNetCheckpoint);
  return estimator;
}
