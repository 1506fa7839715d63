import { Random } from '@lassonet/datasets';
import { type Features, ModelError } from '@lassonet/model';
import { abortError } from '../pacer.js';
import { createEstimator, type PathTask } from '../parallel/pathTask.js';
import { type ParallelOptions, runPathTasks } from '../parallel/runPathTasks.js';
import type { PathStep } from '../pathStep.js';
import { expectedWrong } from './expectedWrong.js';
import { selectionProbability } from './selectionProbability.js';
import {
  readStabilityOptions,
  type StabilityEstimatorKind,
  type StabilityEstimators,
  type StabilitySelectionOptions,
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
  const o = readStabilityOptions(options);
  if (o.signal?.aborted) throw abortError(o.signal);
  // Constructing the estimator checks its options, with the estimator's own messages.
  const estimator = createEstimator(o.estimator, o.options);
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
  const random = new Random(o.seed);
  const task = (lambdaSeq?: number[]): PathTask => ({
    kind: o.estimator,
    options: o.options,
    X: data.X,
    y: data.y,
    train: random.permutation(n).slice(0, halfSize),
    ...(lambdaSeq === undefined ? {} : { lambdaSeq }),
  });
  const parallel: ParallelOptions = {
    ...(o.concurrency === undefined ? {} : { concurrency: o.concurrency }),
    ...(o.workerUrl === undefined ? {} : { workerUrl: o.workerUrl }),
    ...(o.signal === undefined ? {} : { signal: o.signal }),
  };

  const [first] = await runPathTasks([task()], parallel);
  const lambdas = (first?.steps ?? []).slice(1).map((step) => step.lambda);
  if (lambdas.length === 0) {
    throw new ModelError(
      'INVALID_OPTION',
      'stabilitySelection needs a path beyond the dense model, but the first path has no lambda (is options.lambdaSeq empty?).',
    );
  }
  const tasks = Array.from({ length: o.nModels }, () => task(lambdas));
  const onModel = o.onModel;
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
  return { oracle, order, wrong, paths, prob, lambdas, expectedWrong: wrongByFeature };
}
