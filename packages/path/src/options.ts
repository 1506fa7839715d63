import { checkGroups, HierProxError } from '@lassonet/hier-prox';
import {
  checkNumber,
  ModelError,
  type OptimizerOptions,
  optionsObject,
  rejectUnknown,
  resolveOptimizerOptions,
} from '@lassonet/model';

/**
 * Options every LassoNet estimator takes (docs/method.md, "Training at one penalty" and "The
 * regularization path"); defaults are the upstream package's.
 */
export interface LassoNetOptions {
  /** Sizes of the hidden layers. Default [100]. */
  hiddenDims?: readonly number[];
  /**
   * The first lambda of the path, or 'auto': estimated from the dense model as the largest
   * step penalty (on a doubling grid from 1e-6) whose repeated Hier-Prox keeps every feature,
   * divided by the path learning rate and by 10. Default 'auto'.
   */
  lambdaStart?: 'auto' | number;
  /** An explicit increasing lambda sequence; replaces lambdaStart and pathMultiplier. [] trains the dense model only. */
  lambdaSeq?: readonly number[];
  /** L2 penalty on the weights of every layer after the first. Default 0. */
  gamma?: number;
  /** L2 penalty on the skip weights. Default 0. */
  gammaSkip?: number;
  /** lambda_{k+1} = pathMultiplier · lambda_k. Default 1.02. */
  pathMultiplier?: number;
  /** Hierarchy multiplier: a feature's first-layer weights are bounded by M·||its skip weights||. Default 10. */
  M?: number;
  /** A partition of the features into groups that enter and leave together (group LassoNet). */
  groups?: readonly (readonly number[])[];
  /** Dropout probability on the hidden layers while training. Default 0. */
  dropout?: number;
  /** Minibatch size; each epoch shuffles and uses full batches only. Default: the full data. */
  batchSize?: number;
  /**
   * Optimizer of the dense model and of the path, or one for both. Default
   * [{ name: 'adam', learningRate: 1e-3 }, { name: 'sgd', learningRate: 1e-3, momentum: 0.9 }].
   */
  optimizer?: OptimizerOptions | readonly [OptimizerOptions, OptimizerOptions];
  /** Most epochs for the dense model and for each lambda (or one number for both). Default [1000, 100]. */
  nIters?: number | readonly [number, number];
  /**
   * Epochs without improvement before early stopping (dense, path); null or Infinity turns
   * early stopping off. Default [100, 10].
   */
  patience?: number | null | readonly [number | null, number | null];
  /** An epoch improves when the validation objective < tol · the best so far. Default 0.99. */
  tol?: number;
  /** Keep the weights with the best validation objective of each lambda instead of the last. Default false. */
  backtrack?: boolean;
  /**
   * Fraction of the rows held out for early stopping; 0 uses the training data. Default 0.1
   * (0 for Cox). Ignored when the validation data are given.
   */
  valSize?: number;
  /** Seed of the initial weights, the validation split, the minibatches and dropout. Default 0. */
  seed?: number;
  /** 0: silent; 1: a line for the dense model, lambdaStart and every lambda (console.log). Default 0. */
  verbose?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  hiddenDims: number[];
  lambdaStart: 'auto' | number;
  lambdaSeq: number[] | undefined;
  gamma: number;
  gammaSkip: number;
  pathMultiplier: number;
  M: number;
  groups: number[][] | undefined;
  dropout: number;
  batchSize: number | undefined;
  optimizer: [OptimizerOptions, OptimizerOptions];
  nIters: [number, number];
  patience: [number, number];
  tol: number;
  backtrack: boolean;
  valSize: number;
  seed: number;
  verbose: number;
}

export const COMMON_OPTIONS = [
  'hiddenDims',
  'lambdaStart',
  'lambdaSeq',
  'gamma',
  'gammaSkip',
  'pathMultiplier',
  'M',
  'groups',
  'dropout',
  'batchSize',
  'optimizer',
  'nIters',
  'patience',
  'tol',
  'backtrack',
  'valSize',
  'seed',
  'verbose',
] as const;

const DEFAULT_OPTIMIZERS: [OptimizerOptions, OptimizerOptions] = [
  { name: 'adam', learningRate: 1e-3 },
  { name: 'sgd', learningRate: 1e-3, momentum: 0.9 },
];

function fail(message: string): never {
  throw new ModelError('INVALID_OPTION', message);
}

/** Checks that `options` is a plain object with known keys only; returns it as a record. */
export function readOptionsObject(
  options: unknown,
  known: readonly string[],
  where: string,
): Record<string, unknown> {
  const o = optionsObject(options as object | undefined, where) as Record<string, unknown>;
  rejectUnknown(o, known, where);
  return o;
}

/** A finite number in [min, max] (bounds inclusive unless `open`). */
export const finiteNumber = checkNumber;

/** A fraction in [0, 1). */
function belowOne(name: string, value: unknown): number {
  const v = finiteNumber(name, value, { min: 0 });
  if (v >= 1) fail(`${name} must be in [0, 1), got ${v}.`);
  return v;
}

function integer(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(`${name} must be an integer >= ${min}, got ${String(value)}.`);
  }
  return value;
}

/** A number or a [dense, path] pair, each checked by `check`. */
function pair<T>(name: string, value: unknown, check: (label: string, v: unknown) => T): [T, T] {
  if (Array.isArray(value)) {
    if (value.length !== 2) {
      fail(`${name} must be one value or a [dense, path] pair, got ${value.length} values.`);
    }
    return [check(`${name}[0]`, value[0]), check(`${name}[1]`, value[1])];
  }
  const v = check(name, value);
  return [v, v];
}

function checkPatience(name: string, value: unknown): number {
  if (value === null || value === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  return integer(name, value, 1);
}

function checkOptimizer(name: string, value: unknown): OptimizerOptions {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`${name} must be an optimizer object such as { name: 'sgd', learningRate: 1e-3 }.`);
  }
  return resolveOptimizerOptions(value as OptimizerOptions, name);
}

function checkLambdaSeq(value: unknown): number[] {
  if (!Array.isArray(value))
    fail('lambdaSeq must be an array of penalties ([] trains the dense model only).');
  value.forEach((v, k) => {
    finiteNumber(`lambdaSeq[${k}]`, v, { min: 0, open: true });
    if (k > 0 && (v as number) < (value[k - 1] as number)) {
      fail(`lambdaSeq must be non-decreasing: lambdaSeq[${k}] = ${v} < lambdaSeq[${k - 1}].`);
    }
  });
  return [...(value as number[])];
}

/**
 * Checks the options shared by every estimator and fills in the defaults. `valSizeDefault`
 * differs by task (Cox validates on the training data).
 */
export function resolveOptions(
  o: Record<string, unknown>,
  valSizeDefault: number,
): ResolvedOptions {
  const hiddenDims = o.hiddenDims ?? [100];
  if (!Array.isArray(hiddenDims) || hiddenDims.length === 0) {
    fail(`hiddenDims must be a non-empty array of layer sizes, got ${JSON.stringify(hiddenDims)}.`);
  }
  for (const [l, h] of hiddenDims.entries()) integer(`hiddenDims[${l}]`, h, 1);
  const lambdaStart = o.lambdaStart ?? 'auto';
  if (lambdaStart !== 'auto') finiteNumber('lambdaStart', lambdaStart, { min: 0, open: true });
  let groups: number[][] | undefined;
  if (o.groups !== undefined) {
    if (!Array.isArray(o.groups) || o.groups.some((g) => !Array.isArray(g))) {
      throw new ModelError(
        'INVALID_GROUPS',
        'groups must be an array of arrays of feature indices.',
      );
    }
    groups = (o.groups as number[][]).map((g) => [...g]);
  }
  const batchSize = o.batchSize === undefined ? undefined : integer('batchSize', o.batchSize, 1);
  const verbose = integer('verbose', o.verbose ?? 0, 0);
  const backtrack = o.backtrack ?? false;
  if (typeof backtrack !== 'boolean')
    fail(`backtrack must be true or false, got ${String(backtrack)}.`);
  return {
    hiddenDims: [...(hiddenDims as number[])],
    lambdaStart: lambdaStart as 'auto' | number,
    lambdaSeq: o.lambdaSeq === undefined ? undefined : checkLambdaSeq(o.lambdaSeq),
    gamma: finiteNumber('gamma', o.gamma ?? 0, { min: 0 }),
    gammaSkip: finiteNumber('gammaSkip', o.gammaSkip ?? 0, { min: 0 }),
    pathMultiplier: finiteNumber('pathMultiplier', o.pathMultiplier ?? 1.02, {
      min: 1,
      open: true,
    }),
    M: finiteNumber('M', o.M ?? 10, { min: 0, open: true }),
    groups,
    dropout: belowOne('dropout', o.dropout ?? 0),
    batchSize,
    optimizer:
      o.optimizer === undefined
        ? [{ ...DEFAULT_OPTIMIZERS[0] }, { ...DEFAULT_OPTIMIZERS[1] }]
        : pair('optimizer', o.optimizer, checkOptimizer),
    nIters: pair('nIters', o.nIters ?? [1000, 100], (name, v) => integer(name, v, 0)),
    patience: pair('patience', o.patience === undefined ? [100, 10] : o.patience, checkPatience),
    tol: finiteNumber('tol', o.tol ?? 0.99, { min: 0, max: 1 }),
    backtrack,
    valSize: belowOne('valSize', o.valSize ?? valSizeDefault),
    seed: integer('seed', o.seed ?? 0, 0),
    verbose,
  };
}

/** Checks `groups` against the number of features once the data are known. */
export function checkGroupsFor(groups: number[][] | undefined, nFeatures: number): void {
  if (groups === undefined) return;
  try {
    checkGroups(groups, nFeatures);
  } catch (error) {
    if (error instanceof HierProxError) throw new ModelError('INVALID_GROUPS', error.message);
    throw error;
  }
}
