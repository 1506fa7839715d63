import { parseOptions, Random } from '@lassonet/core';
import { type Features, ModelError } from '@lassonet/model';
import { abortError } from '../pacer.js';
import type { PathExecutor } from '../parallel/executor.js';
import type { PathTask } from '../parallel/pathTask.js';
import {
  type ParallelChoice,
  type ParallelOptions,
  parallelChoice,
  runPathTasks,
} from '../parallel/runPathTasks.js';
import type { PathStep } from '../pathStep.js';
import { createEstimator, type EstimatorKind } from '../registry.js';
import { expectedWrong } from './expectedWrong.js';
import { selectionProbability } from './selectionProbability.js';
import {
  type StabilityEstimatorKind,
  type StabilityEstimators,
  type StabilityFitOptions,
  type StabilityOptions,
  type StabilitySelectionOptions,
  stabilityFitSchema,
  stabilitySchema,
} from './stabilityOptions.js';
import { stabilityRanking } from './stabilityRanking.js';

/**
 * What stability selection finds, as plain data (it feeds `plotStability` of @lassonet/plot
 * directly). Infinity marks a feature never selected by more than half of the models; JSON
 * turns it into null.
 */
export interface StabilitySelectionResult {
  /** The number of features to keep: the first `oracle` of `order`. */
  oracle: number;
  /** The features from the most to the least stable (by expected wrong selections, ascending). */
  order: number[];
  /** wrong[k]: the expected number of wrong selections when keeping the first k + 1 of `order`. */
  wrong: number[];
  /** The paths of the nModels models: the dense model, then a step per lambda (no checkpoints). */
  paths: PathStep[][];
  /** prob[t][j]: the fraction of models selecting feature j at lambdas[t], non-increasing in t. */
  prob: number[][];
  /** The lambda sequence every model followed (the first path's, after its dense step). */
  lambdas: number[];
  /** expectedWrong[j]: feature j's lowest expected number of wrong selections over the path. */
  expectedWrong: number[];
}

/**
 * Stability selection with LassoNet (docs/method.md, "Stability selection"): a path on a random
 * half of the rows fixes the lambda sequence; nModels more paths, each on its own random half,
 * follow it. A feature's selection probability at each lambda is the fraction of models that keep
 * it; from these come the expected number of wrong selections of each feature, the ranking of the
 * features, and how many to keep (`oracle`). Same options, same seed: same result.
 *
 * Like the cross-validation estimators, the constructor checks and stores the options, `fit`
 * learns, and the results are fields (and `result()` as one plain object).
 *
 * @example
 * const selector = new StabilitySelection({
 *   estimator: new LassoNetClassifier({ hiddenDims: [32] }),
 *   nModels: 20,
 * });
 * await selector.fit(X, y);
 * const keep = selector.order.slice(0, selector.oracle);
 */
export class StabilitySelection<K extends StabilityEstimatorKind = StabilityEstimatorKind> {
  /** The options as given. */
  readonly options: Readonly<StabilityOptions>;
  /** The kind of estimator whose paths vote. */
  readonly kind: EstimatorKind;
  /** The estimator options every path uses (plain data). */
  readonly estimatorOptions: Record<string, unknown>;
  readonly nModels: number;
  readonly seed: number;
  readonly concurrency: number | undefined;
  readonly workerUrl: string | URL | undefined;
  /** Where the paths train, when given instead of concurrency and workerUrl. */
  readonly executor: PathExecutor | undefined;

  /** The number of features to keep: the first `oracle` of `order`. */
  oracle: number | undefined;
  /** The features from the most to the least stable. */
  order: number[] | undefined;
  /** wrong[k]: the expected number of wrong selections keeping the first k + 1 of `order`. */
  wrong: number[] | undefined;
  /** The paths of the nModels models (no checkpoints). */
  paths: PathStep[][] | undefined;
  /** prob[t][j]: the fraction of models selecting feature j at lambdas[t]. */
  prob: number[][] | undefined;
  /** The lambda sequence every model followed. */
  lambdas: number[] | undefined;
  /** expectedWrong[j]: feature j's lowest expected number of wrong selections over the path. */
  expectedWrong: number[] | undefined;

  private readonly parallel: ParallelChoice;

  constructor(options: StabilitySelectionOptions<K> | StabilityOptions) {
    const o = parseOptions(stabilitySchema, options, 'StabilitySelection', ModelError);
    if (typeof o.estimator === 'string') {
      this.kind = o.estimator;
      this.estimatorOptions = { ...(o.options ?? {}) };
    } else {
      if (o.options !== undefined) {
        throw new ModelError(
          'INVALID_OPTION',
          'StabilitySelection: give the options to the estimator instance, or an estimator kind with options, not both.',
        );
      }
      this.kind = o.estimator.kind as EstimatorKind;
      this.estimatorOptions = { ...o.estimator.options };
    }
    // Creating the estimator checks its options, with the estimator's own messages.
    createEstimator(this.kind, this.estimatorOptions).dispose();
    this.nModels = o.nModels;
    this.seed = o.seed;
    this.concurrency = o.concurrency;
    this.workerUrl = o.workerUrl;
    this.executor = o.executor;
    this.parallel = parallelChoice(o, 'StabilitySelection');
    this.options = Object.freeze({ ...(options as StabilityOptions) });
  }

  /** Trains the paths and ranks the features. On failure or abort the previous fit stays. */
  async fit(
    X: Features,
    y: StabilityEstimators[K]['y'],
    options: StabilityFitOptions = {},
  ): Promise<this> {
    const { signal, onModel } = parseOptions(stabilityFitSchema, options, 'fit', ModelError);
    if (signal?.aborted) throw abortError(signal);
    const estimator = createEstimator(this.kind, this.estimatorOptions);
    const data = estimator.checkedData(X, y);
    const [n, d] = data.X.shape;
    const halfSize = Math.floor(n / 2);
    if (halfSize < 2) {
      throw new ModelError(
        'EMPTY',
        `stabilitySelection trains on random halves of the rows: X has ${n} rows, so a half has ${halfSize}; give at least 4 rows.`,
      );
    }
    // One stream of permutations: the k-th half depends on the seed and k only.
    const random = new Random(this.seed);
    const task = (lambdaSeq?: number[]): PathTask => ({
      kind: this.kind,
      options: this.estimatorOptions,
      X: data.X,
      y: data.y,
      train: random.permutation(n).slice(0, halfSize),
      ...(lambdaSeq === undefined ? {} : { lambdaSeq }),
    });
    const parallel: ParallelOptions = {
      ...this.parallel,
      ...(signal === undefined ? {} : { signal }),
    };

    const [first] = await runPathTasks([task()], parallel);
    const lambdas = (first?.steps ?? []).slice(1).map((step) => step.lambda);
    if (lambdas.length === 0) {
      throw new ModelError(
        'INVALID_OPTION',
        'stabilitySelection needs a path beyond the dense model, but the first path has no lambda (is options.lambdaSeq empty?).',
      );
    }
    const tasks = Array.from({ length: this.nModels }, () => task(lambdas));
    const results = await runPathTasks(tasks, {
      ...parallel,
      ...(onModel === undefined
        ? {}
        : { onTaskDone: (index, result) => onModel(index, result.steps) }),
    });

    const paths = results.map((result) => result.steps);
    const prob = selectionProbability(paths, lambdas.length, d);
    const wrongByFeature = expectedWrong(prob);
    const { order, wrong, oracle } = stabilityRanking(wrongByFeature);
    Object.assign(this, { oracle, order, wrong, paths, prob, lambdas });
    this.expectedWrong = wrongByFeature;
    return this;
  }

  /** The results of the last fit as one plain object. */
  result(): StabilitySelectionResult {
    const { oracle, order, wrong, paths, prob, lambdas, expectedWrong } = this;
    if (
      oracle === undefined ||
      order === undefined ||
      wrong === undefined ||
      paths === undefined ||
      prob === undefined ||
      lambdas === undefined ||
      expectedWrong === undefined
    ) {
      throw new ModelError(
        'NOT_FITTED',
        'This StabilitySelection is not fitted: call fit() first.',
      );
    }
    return { oracle, order, wrong, paths, prob, lambdas, expectedWrong };
  }
}

/**
 * Stability selection in one call: `new StabilitySelection(options).fit(X, y, options)`, with
 * the fit's `signal` and `onModel` in the same options object; returns the plain result.
 *
 * @example
 * const result = await stabilitySelection(X, y, {
 *   estimator: 'classifier',
 *   options: { hiddenDims: [32] },
 *   nModels: 20,
 * });
 * const keep = result.order.slice(0, result.oracle);
 */
export async function stabilitySelection<K extends StabilityEstimatorKind>(
  X: Features,
  y: StabilityEstimators[K]['y'],
  options: StabilitySelectionOptions<K>,
): Promise<StabilitySelectionResult> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    // The selector's own check gives the message.
    return new StabilitySelection<K>(options).fit(X, y).then((s) => s.result());
  }
  const { signal, onModel, ...rest } = options;
  const selector = new StabilitySelection<K>(rest as StabilitySelectionOptions<K>);
  await selector.fit(X, y, {
    ...(signal === undefined ? {} : { signal }),
    ...(onModel === undefined ? {} : { onModel }),
  });
  return selector.result();
}
