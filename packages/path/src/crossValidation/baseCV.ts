import { functionOption, parseOptions } from '@lassonet/core';
import { type Fold, kFold, stratifiedKFold } from '@lassonet/datasets';
import { type Features, type HostMatrix, type LassoNet, ModelError } from '@lassonet/model';
import * as v from 'valibot';
import type { BaseLassoNet } from '../estimator.js';
import { selectedIndices } from '../featureImportances.js';
import type { PlainY } from '../hostData.js';
import { type LassoNetOptions, type ResolvedOptions, signalSchema } from '../options.js';
import { abortError } from '../pacer.js';
import type { PathExecutor } from '../parallel/executor.js';
import type { PathTask, PathTaskResult } from '../parallel/pathTask.js';
import { type ParallelChoice, parallelChoice, runPathTasks } from '../parallel/runPathTasks.js';
import type { PathStep } from '../pathStep.js';
import { ESTIMATORS, type EstimatorKind } from '../registry.js';
import { type CVOptions, cvSchema } from './cvOptions.js';
import { type CVFoldResult, type CVResult, summarizeFolds } from './cvResult.js';

/** The checked data, the folds and their path tasks, before any training. */
export interface FoldPlan {
  X: HostMatrix;
  y: PlainY;
  folds: Fold[];
  tasks: PathTask[];
}

/** Options of a cross-validation estimator's `fit()`. */
export interface CVFitOptions {
  /** Aborting stops every fold (and the refit); the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called as each fold's path finishes (in any order when folds train at once). */
  onFold?: (foldIndex: number, result: CVFoldResult) => void;
}

const fitSchema = v.strictObject({
  signal: v.optional(signalSchema),
  onFold: v.optional(functionOption<(foldIndex: number, result: CVFoldResult) => void>()),
});

/** What cross-validation needs of the estimator it refits and predicts with. */
export type InnerEstimator<YIn> = BaseLassoNet<YIn, unknown> & {
  score(X: Features, y: YIn): number;
  predict(X: Features): unknown;
};

/**
 * Cross-validated LassoNet (docs/method.md, "Cross-validation"): a path per fold scored on the
 * held-out rows, the fold curves put on one grid in log lambda, the lambda with the best mean score
 * chosen, and a path on all rows along the grid up to that lambda. The estimator then predicts with
 * that path's last network. Subclasses name the estimator and add its predictions.
 */
export abstract class BaseLassoNetCV<
  YIn,
  E extends InnerEstimator<YIn>,
  O extends LassoNetOptions = LassoNetOptions,
> {
  /** The options as given. */
  readonly options: Readonly<O & CVOptions>;
  /** The number of folds. */
  readonly cv: number;
  /** Fold paths trained at once; undefined: `defaultWorkers(cv, cores)`. */
  readonly concurrency: number | undefined;
  /** The worker script for folds in browsers. */
  readonly workerUrl: string | URL | undefined;
  /** Where the fold paths train, when given instead of concurrency and workerUrl. */
  readonly executor: PathExecutor | undefined;

  /** The common penalty grid of the last fit. */
  lambdas: number[] | undefined;
  /** foldScores[f][i]: fold f's held-out score at lambdas[i], interpolated in log lambda. */
  foldScores: number[][] | undefined;
  /** meanScores[i]: the mean fold score at lambdas[i]. */
  meanScores: number[] | undefined;
  /** foldSelected[f][i]: the number of features fold f keeps at lambdas[i]. */
  foldSelected: number[][] | undefined;
  /** The index of bestLambda in `lambdas`. */
  bestIndex: number | undefined;
  /** The lambda with the best mean held-out score (the first on ties). */
  bestLambda: number | undefined;
  /** The mean held-out score at bestLambda. */
  bestCvScore: number | undefined;
  /** The features (indices, ascending) the refit keeps at bestLambda. */
  bestSelected: number[] | undefined;
  /** The path on all rows along lambdas[0..bestIndex], the dense model first. */
  refitPath: PathStep[] | undefined;
  /** The rows of each fold. */
  folds: Fold[] | undefined;
  /** Each fold's path, the dense model first. */
  foldPaths: PathStep[][] | undefined;
  /** Each fold's step lambdas (foldPaths[f][t].lambda). */
  foldLambdas: number[][] | undefined;
  /** Each fold's held-out score after every step, before interpolation. */
  foldRawScores: number[][] | undefined;

  private readonly resolved: ResolvedOptions;
  private readonly parallel: ParallelChoice;
  private readonly estimatorOptions: Record<string, unknown>;
  /** An unfitted estimator that checks options and targets as the folds will. */
  private readonly checker: E;
  private inner: E | undefined;

  protected constructor(
    options: (O & CVOptions) | undefined,
    private readonly kind: EstimatorKind,
    private readonly createEstimator: (options: O) => E,
  ) {
    const name = this.constructor.name;
    const parsed = parseOptions(cvSchema(ESTIMATORS[kind].schema), options, name, ModelError, {
      groups: 'INVALID_GROUPS',
    }) as ResolvedOptions & { cv: number } & ParallelChoice;
    const {
      cv: _cv,
      concurrency: _c,
      workerUrl: _w,
      executor: _e,
      ...estimatorOptions
    } = options ?? {};
    this.parallel = parallelChoice(parsed, name);
    if (parsed.lambdaSeq?.length === 0) {
      throw new ModelError(
        'INVALID_OPTION',
        `${name} needs a path in every fold, but lambdaSeq [] trains the dense model only.`,
      );
    }
    this.cv = parsed.cv;
    this.concurrency = parsed.concurrency;
    this.workerUrl = parsed.workerUrl;
    this.executor = parsed.executor;
    this.estimatorOptions = estimatorOptions;
    this.checker = createEstimator(estimatorOptions as O);
    this.resolved = parsed;
    this.options = Object.freeze({ ...((options ?? {}) as O & CVOptions) });
  }

  /**
   * Runs the folds, chooses bestLambda and refits on all rows. On failure or abort the
   * estimator keeps its previous fit.
   */
  async fit(X: Features, y: YIn, options: CVFitOptions = {}): Promise<this> {
    const o = parseOptions(fitSchema, options, 'fit', ModelError);
    const signal = o.signal;
    if (signal?.aborted) throw abortError(signal);
    const plan = this.planFolds(X, y);
    const onFold = o.onFold;
    const results = await runPathTasks(plan.tasks, {
      ...this.parallel,
      ...(signal === undefined ? {} : { signal }),
      ...(onFold === undefined
        ? {}
        : { onTaskDone: (f: number, r: PathTaskResult) => onFold(f, foldResult(r)) }),
    });
    await this.completeFit(plan, results, signal);
    return this;
  }

  /**
   * The data checked and the fold paths to train, without training them (a grid search runs
   * the folds of many option sets at once).
   */
  planFolds(X: Features, y: YIn): FoldPlan {
    const { X: Xh, y: yPlain } = this.checker.checkedData(X, y);
    const n = Xh.shape[0];
    if (this.cv > n) {
      throw new ModelError(
        'INVALID_OPTION',
        `cv = ${this.cv} folds need at least ${this.cv} rows, but X has ${n}.`,
      );
    }
    const seed = this.resolved.seed;
    // Classifier folds keep each class's share of the rows.
    const folds = ESTIMATORS[this.kind].stratified
      ? stratifiedKFold(yPlain as number[], { k: this.cv, seed })
      : kFold(n, { k: this.cv, seed });
    const tasks: PathTask[] = folds.map((fold) => ({
      kind: this.kind,
      options: this.estimatorOptions as LassoNetOptions & Record<string, unknown>,
      X: Xh,
      y: yPlain,
      train: fold.trainIndex,
      test: fold.testIndex,
    }));
    return { X: Xh, y: yPlain, folds, tasks };
  }

  /** The fold curves on one grid and the best lambda, from the fold paths' results. */
  summarize(results: readonly PathTaskResult[]): CVResult {
    return summarizeFolds(results.map(foldResult), this.resolved.pathMultiplier);
  }

  /** Chooses bestLambda from the fold paths' results and refits on all rows up to it. */
  async completeFit(
    plan: FoldPlan,
    taskResults: readonly PathTaskResult[],
    signal?: AbortSignal,
  ): Promise<void> {
    // An abort during the last fold's callback still stops the fit.
    if (signal?.aborted) throw abortError(signal);
    const results = taskResults.map(foldResult);
    const summary = this.summarize(taskResults);
    const refit = this.createEstimator(this.estimatorOptions as O);
    let refitPath: PathStep[];
    try {
      refitPath = await refit.path(plan.X, plan.y as unknown as YIn, {
        lambdaSeq: summary.lambdas.slice(0, summary.bestIndex + 1),
        // Features may leave at the grid's first lambda: that is no sign of a bad start here.
        onWarning: () => {},
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      refit.dispose();
      throw error;
    }
    this.inner?.dispose();
    this.inner = refit;
    this.lambdas = summary.lambdas;
    this.foldScores = summary.foldScores;
    this.meanScores = summary.meanScores;
    this.foldSelected = summary.foldSelected;
    this.bestIndex = summary.bestIndex;
    this.bestLambda = summary.bestLambda;
    this.bestCvScore = summary.bestCvScore;
    this.bestSelected = selectedIndices(refitPath[refitPath.length - 1] as PathStep);
    this.refitPath = refitPath;
    this.folds = plan.folds;
    this.foldPaths = results.map((r) => r.steps);
    this.foldLambdas = results.map((r) => r.steps.map((s) => s.lambda));
    this.foldRawScores = results.map((r) => r.scores);
  }

  /** The curves of the last fit: the fields `plotCV` of @lassonet/plot draws. */
  cvResult(): CVResult {
    const { lambdas, foldScores, meanScores, bestLambda, bestIndex, bestCvScore, foldSelected } =
      this;
    if (
      lambdas === undefined ||
      foldScores === undefined ||
      meanScores === undefined ||
      bestLambda === undefined ||
      bestIndex === undefined ||
      bestCvScore === undefined ||
      foldSelected === undefined
    ) {
      throw this.notFitted();
    }
    return { lambdas, foldScores, meanScores, bestLambda, bestIndex, bestCvScore, foldSelected };
  }

  /** The estimator refitted on all rows up to bestLambda (its path, network, importances). */
  get estimator(): E {
    if (this.inner === undefined) throw this.notFitted();
    return this.inner;
  }

  /** The refitted network. */
  get network(): LassoNet {
    return this.estimator.network;
  }

  /** The features the refitted network uses (indices, ascending). */
  selectedFeatures(): number[] {
    return this.estimator.selectedFeatures();
  }

  /** The refitted estimator's predictions: what its `predict` returns (classes, values, risks). */
  predict(X: Features): ReturnType<E['predict']> {
    return this.estimator.predict(X) as ReturnType<E['predict']>;
  }

  /** The refitted estimator's score (R², accuracy or concordance). */
  score(X: Features, y: YIn): number {
    return this.estimator.score(X, y);
  }

  /** Frees the refitted network; the cross-validation results stay. */
  dispose(): void {
    this.inner?.dispose();
    this.inner = undefined;
  }

  private notFitted(): ModelError {
    return new ModelError(
      'NOT_FITTED',
      `This ${this.constructor.name} is not fitted: call fit() first.`,
    );
  }
}

/** A fold's task result; a task with test rows always has its scores. */
function foldResult(result: PathTaskResult): CVFoldResult {
  return { steps: result.steps, scores: result.scores ?? [] };
}
