import { HierProxError } from './errors.js';
import { groupLayout, singletonGroups } from './groups.js';
import { type HierProxOptions, hierProxSchema, parse } from './options.js';
import { hierProxKernel } from './proxKernel.js';

export interface HierProxArrays {
  /** [nFeatures, nOutputs], row-major. */
  skip: Float32Array;
  /** [nFeatures, nHidden], row-major. */
  hidden: Float32Array;
}

/**
 * Hier-Prox on plain row-major arrays, without tensors: `skip` holds nFeatures rows of nOutputs
 * values and `hidden` nFeatures rows of nHidden values. Writes into `out` when given (which may
 * be the inputs themselves, for an in-place update without allocation), else into new arrays, and
 * returns them. `method` does not apply here.
 */
export function hierProxArrays(
  skip: ArrayLike<number>,
  hidden: ArrayLike<number>,
  nFeatures: number,
  options: HierProxOptions,
  out?: HierProxArrays,
): HierProxArrays {
  const resolved = parse(hierProxSchema, options, 'hierProxArrays');
  if (!Number.isInteger(nFeatures) || nFeatures < 1) {
    throw new HierProxError(
      'INVALID_OPTION',
      `nFeatures must be a positive integer, got ${String(nFeatures)}.`,
    );
  }
  for (const [name, values] of [
    ['skip', skip],
    ['hidden', hidden],
  ] as const) {
    if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new HierProxError('NOT_A_TENSOR', `${name} must be an array or typed array.`);
    }
    if (values.length === 0 || values.length % nFeatures !== 0) {
      throw new HierProxError(
        'SHAPE_MISMATCH',
        `${name} has ${values.length} values, which is not a non-zero multiple of nFeatures = ${nFeatures} (one row per feature).`,
      );
    }
  }
  const nOutputs = skip.length / nFeatures;
  const nHidden = hidden.length / nFeatures;
  const layout =
    resolved.groups === undefined
      ? singletonGroups(nFeatures)
      : groupLayout(resolved.groups, nFeatures);
  if (out !== undefined) {
    for (const name of ['skip', 'hidden'] as const) {
      const target = out[name];
      const size = name === 'skip' ? skip.length : hidden.length;
      if (!(target instanceof Float32Array) || target.length !== size) {
        throw new HierProxError(
          'SHAPE_MISMATCH',
          `out.${name} must be a Float32Array of ${size} values like ${name}, got ${target instanceof Float32Array ? `${target.length} values` : typeof target}.`,
        );
      }
    }
  }
  const result = out ?? {
    skip: new Float32Array(skip.length),
    hidden: new Float32Array(hidden.length),
  };
  hierProxKernel(skip, hidden, nOutputs, nHidden, layout, resolved, result.skip, result.hidden);
  return result;
}
