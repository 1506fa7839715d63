import {
  booleanOption,
  choiceOption,
  numberOption,
  type OptionsInput,
  parseOptions,
} from '@lassonet/core';
import {
  classWeightSchema,
  groupsSchema,
  hiddenDimsSchema,
  l2ModeSchema,
  ModelError,
  type OptimizerOptions,
  optimizerSchema,
} from '@lassonet/model';
import * as v from 'valibot';

const integer = (min: number) => numberOption({ integer: true, min });

/** An AbortSignal (anything with a boolean `aborted`, as signals from other realms are). */
export const signalSchema = v.custom<AbortSignal>(
  (x) =>
    x !== null &&
    typeof x === 'object' &&
    typeof (x as { aborted?: unknown }).aborted === 'boolean',
  'must be an AbortSignal',
);

/** The worker script browsers need to train paths in Web Workers. */
export const workerUrlSchema = v.union([v.string(), v.instance(URL)], 'must be a string or a URL');

/** One value for both phases, or a [dense, path] pair; parsed to the pair. */
function pairOption<S extends v.GenericSchema>(item: S, message: string) {
  return v.pipe(
    v.union([item, v.strictTuple([item, item])], message),
    v.transform((x): [v.InferOutput<S>, v.InferOutput<S>] =>
      Array.isArray(x)
        ? [x[0] as v.InferOutput<S>, x[1] as v.InferOutput<S>]
        : [x as v.InferOutput<S>, x as v.InferOutput<S>],
    ),
  );
}

/** null or Infinity: no early stopping. */
const patienceItem = v.pipe(
  v.union(
    [v.null(), v.literal(Number.POSITIVE_INFINITY), integer(1)],
    'must be an integer >= 1, null or Infinity',
  ),
  v.transform((x) => x ?? Number.POSITIVE_INFINITY),
);

const NON_DECREASING = 'must be non-decreasing';

const lambdaSeqSchema = v.pipe(
  v.array(
    numberOption({ above: 0 }),
    'must be an array of penalties ([] trains the dense model only)',
  ),
  v.check((seq) => seq.every((x, k) => k === 0 || x >= (seq[k - 1] as number)), NON_DECREASING),
);

const DEFAULT_OPTIMIZERS: readonly [OptimizerOptions, OptimizerOptions] = [
  { name: 'adam', learningRate: 1e-3 },
  { name: 'sgd', learningRate: 1e-3, momentum: 0.9 },
];

/**
 * The options every estimator takes (docs/method.md, "Training at one penalty" and "The
 * regularization path"); defaults are the upstream package's. `valSize` defaults by task.
 */
function commonEntries(valSizeDefault: number) {
  return {
    /** Sizes of the hidden layers. Default [100]. */
    hiddenDims: v.optional(hiddenDimsSchema, () => [100]),
    /**
     * The first lambda of the path, or 'auto': estimated from the dense model as the largest
     * step penalty (on a doubling grid from 1e-6) whose repeated Hier-Prox keeps every feature,
     * divided by the path learning rate and by 10. Default 'auto'.
     */
    lambdaStart: v.optional(
      v.union([v.literal('auto'), numberOption({ above: 0 })], "must be 'auto' or a number > 0"),
      'auto',
    ),
    /** An explicit increasing lambda sequence; replaces lambdaStart and pathMultiplier. [] trains the dense model only. */
    lambdaSeq: v.optional(lambdaSeqSchema),
    /** L2 penalty on the weights of every layer after the first. Default 0. */
    gamma: v.optional(numberOption({ min: 0 }), 0),
    /** L2 penalty on the skip weights. Default 0. */
    gammaSkip: v.optional(numberOption({ min: 0 }), 0),
    /**
     * How gamma and gammaSkip act. 'gradient': as penalties whose gradients every step follows.
     * 'objective-only': in the validation objective that early stopping compares, and not in
     * the steps, with gammaSkip on ||skip||_F rather than its square: what the upstream Python
     * package computes. Default 'gradient'.
     */
    l2: v.optional(l2ModeSchema, 'gradient'),
    /** lambda_{k+1} = pathMultiplier · lambda_k. Default 1.02. */
    pathMultiplier: v.optional(numberOption({ above: 1 }), 1.02),
    /** Hierarchy multiplier: a feature's first-layer weights are bounded by M·||its skip weights||. Default 10. */
    M: v.optional(numberOption({ above: 0 }), 10),
    /** A partition of the features into groups that enter and leave together (group LassoNet). */
    groups: v.optional(groupsSchema),
    /** Dropout probability on the hidden layers while training. Default 0. */
    dropout: v.optional(numberOption({ min: 0, below: 1 }), 0),
    /** Minibatch size; each epoch shuffles and uses full batches only. Default: the full data. */
    batchSize: v.optional(integer(1)),
    /**
     * Optimizer of the dense model and of the path, or one for both. Default
     * [{ name: 'adam', learningRate: 1e-3 }, { name: 'sgd', learningRate: 1e-3, momentum: 0.9 }].
     */
    optimizer: v.optional(
      pairOption(
        optimizerSchema,
        "must be an optimizer object such as { name: 'sgd', learningRate: 1e-3 }, or a [dense, path] pair of them",
      ),
      () => [...DEFAULT_OPTIMIZERS] as [OptimizerOptions, OptimizerOptions],
    ),
    /** Most epochs for the dense model and for each lambda (or one number for both). Default [1000, 100]. */
    nIters: v.optional(
      pairOption(integer(0), 'must be one value or a [dense, path] pair'),
      () => [1000, 100] as [number, number],
    ),
    /**
     * Epochs without improvement before early stopping (dense, path); null or Infinity turns
     * early stopping off. Default [100, 10].
     */
    patience: v.optional(
      pairOption(patienceItem, 'must be one value or a [dense, path] pair'),
      () => [100, 10] as [number, number],
    ),
    /** An epoch improves when the validation objective < tol · the best so far. Default 0.99. */
    tol: v.optional(numberOption({ min: 0, max: 1 }), 0.99),
    /** Keep the weights with the best validation objective of each lambda instead of the last. Default false. */
    backtrack: v.optional(booleanOption(), false),
    /**
     * Fraction of the rows held out for early stopping; 0 uses the training data. Default 0.1
     * (0 for Cox). Ignored when the validation data are given.
     */
    valSize: v.optional(numberOption({ min: 0, below: 1 }), valSizeDefault),
    /** Seed of the initial weights, the validation split, the minibatches and dropout. Default 0. */
    seed: v.optional(integer(0), 0),
    /**
     * Threads one path trains on (Node). With 2, every training step large enough to gain (at
     * least 256 rows, see `LassoNet.useThread`; without dropout) runs the forward and backward
     * passes of part of the rows on a second thread; the gradients are the same up to float
     * rounding. Default 1.
     */
    threads: v.optional(numberOption({ integer: true, min: 1, max: 2 }), 1),
    /** 0: silent; 1: a line for the dense model, lambdaStart and every lambda (console.log). Default 0. */
    verbose: v.optional(integer(0), 0),
  };
}

/** LassoNetRegressor and LassoNetIntervalRegressor. */
export const regressorSchema = v.strictObject(commonEntries(0.1));

export const classifierSchema = v.strictObject({
  ...commonEntries(0.1),
  /** A weight per class: the loss is the weighted mean (PyTorch's CrossEntropyLoss). */
  classWeight: v.optional(
    v.pipe(classWeightSchema, v.minLength(2, 'must be an array with one weight per class')),
  ),
});

export const coxSchema = v.strictObject({
  ...commonEntries(0),
  /** How tied event times enter the partial likelihood: 'breslow' (default) or 'efron'. */
  tieApproximation: v.optional(choiceOption(['breslow', 'efron']), 'breslow'),
  // The partial likelihood couples every row: no minibatches.
  // Typed as a number, like the other estimators' batchSize, so shared option objects fit.
  batchSize: v.optional(
    v.custom<number>(
      () => false,
      'must be left out: the partial likelihood couples every row, so LassoNetCoxRegressor trains on the full data',
    ),
  ),
});

/** Options every LassoNet estimator takes. */
export type LassoNetOptions = OptionsInput<typeof regressorSchema>;
export type LassoNetClassifierOptions = OptionsInput<typeof classifierSchema>;
export type LassoNetCoxRegressorOptions = OptionsInput<typeof coxSchema>;

/** Options with every default filled in. */
export type ResolvedOptions = v.InferOutput<typeof regressorSchema> & {
  classWeight?: number[] | undefined;
  tieApproximation?: 'breslow' | 'efron';
};

/** Any estimator option schema: a strict object whose output is ResolvedOptions. */
export type EstimatorSchema = v.StrictObjectSchema<v.ObjectEntries, undefined>;

/** Parses estimator options once; groups get their own code. */
export function parseEstimatorOptions(
  schema: EstimatorSchema,
  options: unknown,
  where: string,
): ResolvedOptions {
  return parseOptions(schema, options, where, ModelError, {
    groups: 'INVALID_GROUPS',
  }) as ResolvedOptions;
}

/** A lambda sequence given to one call (path({ lambdaSeq })). */
export function parseLambdaSeq(value: unknown, where: string): number[] {
  const schema = v.strictObject({ lambdaSeq: lambdaSeqSchema });
  return parseOptions(schema, { lambdaSeq: value }, where, ModelError).lambdaSeq;
}
