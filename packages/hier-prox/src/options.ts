import { choiceOption, numberOption, type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { HierProxError } from './errors.js';

/**
 * A partition of the features. Its structure is checked against the number of features, when
 * the weights are known, by `groupLayout` (code INVALID_GROUPS).
 */
const groupsOption = () => v.custom<readonly (readonly number[])[]>(() => true);

const methodOption = choiceOption(['auto', 'arrays', 'tensors']);

/** The operator's own options, shared by the one-call and the prepared forms. */
const proxEntries = {
  /** L1 penalty on the first-layer weights (step size included). Finite, >= 0. Default 0. */
  lambdaBar: v.optional(numberOption({ min: 0 }), 0),
  /** Hierarchy multiplier: ||W1_j||_inf <= M·||beta_j||_2. Finite, > 0. Default 10. */
  M: v.optional(numberOption({ above: 0 }), 10),
  /** A partition of 0..nFeatures-1; each group enters or leaves the model as a whole. */
  groups: v.optional(groupsOption()),
  /**
   * How the operator runs. `'arrays'` runs a linear-time kernel in JavaScript over the weights'
   * values: on cpu and wasm over the backend's own memory, on webgl over copies read back from
   * the GPU. `'tensors'` uses tensor ops only, so on webgl the weights never leave the GPU.
   * `'auto'` (the default) runs the kernel where the backend registers it (cpu, wasm) and the
   * tensor ops elsewhere.
   */
  method: v.optional(methodOption, 'auto'),
};

/** The options of `hierProx`, `hierProxInPlace` and `hierProxArrays`. */
export const hierProxSchema = v.strictObject({
  /** The step penalty: the path's lambda times the learning rate. Finite, >= 0. */
  lambda: numberOption({ min: 0 }),
  ...proxEntries,
});

/** The options of `prepareHierProx`: those of `hierProx` but the per-step lambda. */
export const preparedSchema = v.strictObject(proxEntries);

/** The options of `firstDropPenalty`. */
export const firstDropSchema = v.strictObject({
  /** Hierarchy multiplier. Default 10. */
  M: v.optional(numberOption({ above: 0 }), 10),
  /** First-layer L1 penalty. Default 0. */
  lambdaBar: v.optional(numberOption({ min: 0 }), 0),
  groups: v.optional(groupsOption()),
  /** The first step penalty tried. Default 1e-6. */
  start: v.optional(numberOption({ above: 0 }), 1e-6),
  /** The search multiplies the penalty by this until a feature drops. Default 2. */
  factor: v.optional(numberOption({ above: 1 }), 2),
  /** The prox is repeated until no skip weight moves by more than this. Default 1e-5. */
  tol: v.optional(numberOption({ min: 0 }), 1e-5),
  /** At most this many repetitions per penalty. Default 10000. */
  maxIterations: v.optional(numberOption({ integer: true, min: 1 }), 10000),
});

/** The options of `skipNorms`, `selectedMask` and `selectedFeatures`. */
export const selectionSchema = v.strictObject({
  /** The same partition as given to hierProx: norms and selection are per group. */
  groups: v.optional(groupsOption()),
});

/** See `proxEntries.method`. */
export type HierProxMethod = v.InferOutput<typeof methodOption>;
/** What `hierProx`, `hierProxInPlace` and `hierProxArrays` take. */
export type HierProxOptions = OptionsInput<typeof hierProxSchema>;
/** What `prepareHierProx` takes: the options of `hierProx` without `lambda`. */
export type PreparedHierProxOptions = OptionsInput<typeof preparedSchema>;
/** What `firstDropPenalty` takes. */
export type FirstDropOptions = OptionsInput<typeof firstDropSchema>;
/** What `skipNorms`, `selectedMask` and `selectedFeatures` take. */
export type SelectionOptions = OptionsInput<typeof selectionSchema>;

export type ResolvedOptions = v.InferOutput<typeof hierProxSchema>;

export interface ProxParams {
  lambda: number;
  lambdaBar: number;
  M: number;
}

/** Checks options once, at a public boundary, and fills in the defaults. */
export function parse<S extends v.GenericSchema>(
  schema: S,
  options: unknown,
  where: string,
): v.InferOutput<S> {
  return parseOptions(schema, options, where, HierProxError);
}
