import { functionOption, isLassoNetError, parseOptions } from '@lassonet/core';
import { type Features, ModelError, type ModelErrorCode } from '@lassonet/model';
import * as v from 'valibot';
import { signalSchema } from '../options.js';
import { abortError } from '../pacer.js';
import type { PathTaskResult } from '../parallel/pathTask.js';
import { parallelChoice, runPathTasks } from '../parallel/runPathTasks.js';
import { ESTIMATOR_KINDS, type EstimatorKind } from '../registry.js';
import type { BaseLassoNetCV, FoldPlan, InnerEstimator } from './baseCV.js';
import { argmaxFirst } from './cvGrid.js';
import { CV_OPTION_NAMES } from './cvOptions.js';
import type { CVFoldResult, CVResult } from './cvResult.js';
import { createEstimatorCV } from './estimatorsCV.js';
import { type ParamGrid, parameterGrid } from './parameterGrid.js';

const gridSearchSchema = v.strictObject({
  /** The estimator every candidate cross-validates: 'regressor', 'classifier', 'cox', 'interval'. */
  estimator: v.picklist(ESTIMATOR_KINDS, `must be one of ${ESTIMATOR_KINDS.join(', ')}`),
  /** Options shared by every candidate: the estimator's, and cv, concurrency, workerUrl, executor. */
  options: v.optional(
    v.custom<Record<string, unknown>>(
      (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
      'must be an options object',
    ),
  ),
  /** Estimator options to search: names with the values to try, or a list of such grids. */
  paramGrid: v.custom<ParamGrid | readonly ParamGrid[]>(
    (x) => x !== null && typeof x === 'object',
    'must map option names to arrays of values (or be a list of such maps)',
  ),
});

export type GridSearchCVOptions = v.InferInput<typeof gridSearchSchema>;

const fitSchema = v.strictObject({
  signal: v.optional(signalSchema),
  onFold: v.optional(
    functionOption<(candidate: number, foldIndex: number, result: CVFoldResult) => void>(),
  ),
});

/** Options of `GridSearchCV.fit()`. */
export type GridSearchFitOptions = v.InferInput<typeof fitSchema>;

/** One candidate of the grid and its cross-validation curve (plain data). */
export interface GridCandidate {
  /** The options this candidate sets (those of the grid). */
  params: Record<string, unknown>;
  /** The candidate's best lambda, its index on `lambdas`, and the mean held-out score there. */
  bestLambda: number;
  bestIndex: number;
  bestCvScore: number;
  /** The candidate's common lambda grid and the mean fold score at each lambda. */
  lambdas: number[];
  meanScores: number[];
}

/**
 * Cross-validation over a grid of model options (scikit-learn's GridSearchCV): every candidate
 * runs the LassoNet cross-validation of its estimator, the folds of all candidates train as one
 * batch of paths on the executor, and the candidate with the best mean held-out score (the first
 * on ties) is refitted on all rows up to its best lambda.
 *
 * @example
 * const search = new GridSearchCV({
 *   estimator: 'regressor',
 *   options: { cv: 5, pathMultiplier: 1.05 },
 *   paramGrid: { hiddenDims: [[20], [50, 100]], M: [10, 30] },
 * });
 * await search.fit(X, y);
 * console.log(search.bestParams, search.bestLambda, search.bestCvScore);
 */
export class GridSearchCV {
  readonly kind: EstimatorKind;
  /** The options every candidate shares. */
  readonly baseOptions: Readonly<Record<string, unknown>>;
  /** Each candidate's own options, in grid order. */
  readonly paramSets: readonly Record<string, unknown>[];

  /** Every candidate's result, in grid order. */
  candidates: GridCandidate[] | undefined;
  /** The index of the best candidate. */
  bestCandidate: number | undefined;
  private fitted: BaseLassoNetCV<unknown, InnerEstimator<unknown>> | undefined;
  private readonly searches: BaseLassoNetCV<unknown, InnerEstimator<unknown>>[];

  constructor(options: GridSearchCVOptions) {
    const o = parseOptions(gridSearchSchema, options, 'GridSearchCV', ModelError);
    this.kind = o.estimator;
    this.baseOptions = Object.freeze({ ...(o.options ?? {}) });
    this.paramSets = parameterGrid(o.paramGrid);
    for (const params of this.paramSets) {
      const cvName = Object.keys(params).find((name) =>
        (CV_OPTION_NAMES as readonly string[]).includes(name),
      );
      if (cvName !== undefined) {
        throw new ModelError(
          'INVALID_OPTION',
          `paramGrid searches estimator options; give ${cvName} in options, once for every candidate.`,
        );
      }
    }
    parallelChoice(this.baseOptions, 'GridSearchCV');
    // Every candidate is checked now, by its estimator's own schema.
    this.searches = this.paramSets.map((params) => {
      try {
        return createEstimatorCV(this.kind, { ...this.baseOptions, ...params });
      } catch (error) {
        throw isLassoNetError(error)
          ? new ModelError(
              error.code as ModelErrorCode,
              `paramGrid candidate ${JSON.stringify(params)}: ${error.message}`,
            )
          : error;
      }
    });
  }

  /** Cross-validates every candidate, then refits the best. On failure the previous fit stays. */
  async fit(X: Features, y: unknown, options: GridSearchFitOptions = {}): Promise<this> {
    const { signal, onFold } = parseOptions(fitSchema, options, 'fit', ModelError);
    if (signal?.aborted) throw abortError(signal);
    const plans: FoldPlan[] = this.searches.map((search) => search.planFolds(X, y));
    const owner: [number, number][] = plans.flatMap((plan, c) =>
      plan.tasks.map((_, f) => [c, f] as [number, number]),
    );
    const results = await runPathTasks(
      plans.flatMap((plan) => plan.tasks),
      {
        ...parallelChoice(this.baseOptions, 'GridSearchCV'),
        ...(signal === undefined ? {} : { signal }),
        ...(onFold === undefined
          ? {}
          : {
              onTaskDone: (index: number, r: PathTaskResult) => {
                const [c, f] = owner[index] as [number, number];
                onFold(c, f, { steps: r.steps, scores: r.scores ?? [] });
              },
            }),
      },
    );
    const byCandidate: PathTaskResult[][] = plans.map(() => []);
    results.forEach((result, index) => {
      byCandidate[(owner[index] as [number, number])[0]]?.push(result);
    });
    const summaries: CVResult[] = this.searches.map((search, c) =>
      search.summarize(byCandidate[c] as PathTaskResult[]),
    );
    const best = argmaxFirst(summaries.map((s) => s.bestCvScore));
    const winner = this.searches[best] as BaseLassoNetCV<unknown, InnerEstimator<unknown>>;
    await winner.completeFit(
      plans[best] as FoldPlan,
      byCandidate[best] as PathTaskResult[],
      signal,
    );
    this.candidates = summaries.map((s, c) => ({
      params: { ...(this.paramSets[c] as Record<string, unknown>) },
      bestLambda: s.bestLambda,
      bestIndex: s.bestIndex,
      bestCvScore: s.bestCvScore,
      lambdas: s.lambdas,
      meanScores: s.meanScores,
    }));
    this.bestCandidate = best;
    if (this.fitted !== winner) this.fitted?.dispose();
    this.fitted = winner;
    return this;
  }

  /** The best candidate's cross-validated estimator, refitted on all rows. */
  get best(): BaseLassoNetCV<unknown, InnerEstimator<unknown>> {
    if (this.fitted === undefined) {
      throw new ModelError('NOT_FITTED', 'This GridSearchCV is not fitted: call fit() first.');
    }
    return this.fitted;
  }

  /** The options of the best candidate (those of the grid). */
  get bestParams(): Record<string, unknown> {
    this.best; // throws NOT_FITTED before any fit
    return { ...(this.paramSets[this.bestCandidate as number] as Record<string, unknown>) };
  }

  /** The best candidate's mean held-out score at its best lambda. */
  get bestCvScore(): number {
    return this.best.bestCvScore as number;
  }

  /** The best candidate's best lambda. */
  get bestLambda(): number {
    return this.best.bestLambda as number;
  }

  /** The features (indices, ascending) the refitted best candidate keeps. */
  get bestSelected(): number[] {
    return this.best.bestSelected as number[];
  }

  predict(X: Features): unknown {
    return this.best.predict(X);
  }

  score(X: Features, y: unknown): number {
    return this.best.score(X, y);
  }

  /** Frees the refitted network; the results stay. */
  dispose(): void {
    this.fitted?.dispose();
  }
}
