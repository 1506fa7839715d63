import { checkGroups, HierProxError } from '@lassonet/hier-prox';
import { ModelError } from './errors.js';
import { checkCount, checkNumber, optionsObject, rejectUnknown } from './options.js';

/** The shape of a LassoNet network (docs/method.md, "The network and its objective"). */
export interface LassoNetConfig {
  /** Number of input features d. */
  nFeatures: number;
  /** Sizes of the hidden layers, any depth. Default [100]. */
  hiddenDims?: readonly number[];
  /** Number of outputs K (classes for classification, 1 for Cox and interval regression). Default 1. */
  nOutputs?: number;
  /** Dropout probability on every hidden layer during training, in [0, 1). Default 0. */
  dropout?: number;
  /** A partition of 0..nFeatures-1: features that enter and leave the model together. */
  groups?: readonly (readonly number[])[] | null;
  /** Learn a log scale log(sigma) beside the weights (the interval-censored log-normal loss needs it). Default false. */
  logSigma?: boolean;
  /** Seed of the weight initialisation and the dropout masks. Default 0. */
  seed?: number;
}

/** A config with every default filled in: what checkpoints store. */
export interface ResolvedConfig {
  nFeatures: number;
  hiddenDims: number[];
  nOutputs: number;
  dropout: number;
  groups: number[][] | null;
  logSigma: boolean;
  seed: number;
}

const KNOWN = ['nFeatures', 'hiddenDims', 'nOutputs', 'dropout', 'groups', 'logSigma', 'seed'];

export function resolveConfig(config: LassoNetConfig, where = 'LassoNet'): ResolvedConfig {
  const c = optionsObject(config, where);
  rejectUnknown(c, KNOWN, where);
  if (c.nFeatures === undefined) {
    throw new ModelError(
      'INVALID_OPTION',
      `${where} needs nFeatures, the number of input features.`,
    );
  }
  const nFeatures = checkCount('nFeatures', c.nFeatures);
  const hiddenDims = c.hiddenDims ?? [100];
  if (!Array.isArray(hiddenDims) || hiddenDims.length === 0) {
    throw new ModelError(
      'INVALID_OPTION',
      `hiddenDims must be a non-empty array of layer sizes, got ${JSON.stringify(hiddenDims)}.`,
    );
  }
  for (const [i, h] of hiddenDims.entries()) checkCount(`hiddenDims[${i}]`, h);
  const nOutputs = checkCount('nOutputs', c.nOutputs ?? 1);
  const dropout = checkNumber('dropout', c.dropout ?? 0, { min: 0 });
  if (dropout >= 1) {
    throw new ModelError('INVALID_OPTION', `dropout must be in [0, 1), got ${dropout}.`);
  }
  let groups: number[][] | null = null;
  if (c.groups !== undefined && c.groups !== null) {
    try {
      checkGroups(c.groups, nFeatures);
    } catch (error) {
      if (error instanceof HierProxError) throw new ModelError('INVALID_GROUPS', error.message);
      throw error;
    }
    groups = c.groups.map((g) => [...g]);
  }
  if (c.logSigma !== undefined && typeof c.logSigma !== 'boolean') {
    throw new ModelError(
      'INVALID_OPTION',
      `logSigma must be true or false, got ${String(c.logSigma)}.`,
    );
  }
  const seed = c.seed ?? 0;
  if (!Number.isInteger(seed)) {
    throw new ModelError('INVALID_OPTION', `seed must be an integer, got ${String(seed)}.`);
  }
  return {
    nFeatures,
    hiddenDims: [...hiddenDims],
    nOutputs,
    dropout,
    groups,
    logSigma: c.logSigma ?? false,
    seed,
  };
}
