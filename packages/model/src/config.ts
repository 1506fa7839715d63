import { booleanOption, numberOption, type OptionsInput } from '@lassonet/core';
import { checkGroups, HierProxError } from '@lassonet/hier-prox';
import * as v from 'valibot';
import { ModelError } from './errors.js';
import { parseModelOptions } from './options.js';

const GROUPS_MESSAGE = 'must be an array of arrays of feature indices';

/**
 * A partition of the features into groups that enter and leave together. The schema checks the
 * form; `checkGroups` checks it against the number of features once that is known.
 */
export const groupsSchema = v.array(
  v.array(numberOption({ integer: true, min: 0 }), GROUPS_MESSAGE),
  GROUPS_MESSAGE,
);

/** Hidden layer sizes: at least one layer, each at least one unit. */
export const hiddenDimsSchema = v.pipe(
  v.array(numberOption({ integer: true, min: 1 }), 'must be a non-empty array of layer sizes'),
  v.minLength(1, 'must be a non-empty array of layer sizes'),
);

/** The shape of a LassoNet network (docs/method.md, "The network and its objective"). */
export const networkConfigSchema = v.strictObject({
  /** Number of input features d. */
  nFeatures: numberOption({ integer: true, min: 1 }),
  /** Sizes of the hidden layers, any depth. Default [100]. */
  hiddenDims: v.optional(hiddenDimsSchema, () => [100]),
  /** Number of outputs K (classes for classification, 1 for Cox and interval regression). Default 1. */
  nOutputs: v.optional(numberOption({ integer: true, min: 1 }), 1),
  /** Dropout probability on every hidden layer during training, in [0, 1). Default 0. */
  dropout: v.optional(numberOption({ min: 0, below: 1 }), 0),
  /** A partition of 0..nFeatures-1: features that enter and leave the model together. */
  groups: v.optional(v.nullable(groupsSchema), null),
  /** Learn a log scale log(sigma) beside the weights (the interval-censored log-normal loss needs it). Default false. */
  logSigma: v.optional(booleanOption(), false),
  /** Seed of the weight initialisation and the dropout masks. Default 0. */
  seed: v.optional(numberOption({ integer: true }), 0),
});

export type LassoNetConfig = OptionsInput<typeof networkConfigSchema>;

/** A config with every default filled in: what checkpoints store. */
export type ResolvedConfig = v.InferOutput<typeof networkConfigSchema>;

export function resolveConfig(config: LassoNetConfig, where = 'LassoNet'): ResolvedConfig {
  const c = parseModelOptions(networkConfigSchema, config, where, { groups: 'INVALID_GROUPS' });
  if (c.groups !== null) checkGroupsFor(c.groups, c.nFeatures);
  return c;
}

/** Checks `groups` against the number of features, as an INVALID_GROUPS ModelError. */
export function checkGroupsFor(
  groups: readonly (readonly number[])[] | null | undefined,
  nFeatures: number,
): void {
  if (groups === null || groups === undefined) return;
  try {
    checkGroups(groups, nFeatures);
  } catch (error) {
    if (error instanceof HierProxError) throw new ModelError('INVALID_GROUPS', error.message);
    throw error;
  }
}
