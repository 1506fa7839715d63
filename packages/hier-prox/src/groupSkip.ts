import { HierProxError } from './errors.js';
import type { GroupLayout } from './groups.js';

/**
 * The squared norm of group g's skip rows, summed member by member and output by output: one
 * order for every prox, so that their results agree to the bit.
 */
export function groupSkipNorm2(
  skip: ArrayLike<number>,
  nOutputs: number,
  layout: GroupLayout,
  g: number,
): number {
  const { members, offsets } = layout;
  let norm2 = 0;
  for (let t = offsets[g] as number; t < (offsets[g + 1] as number); t++) {
    const row = (members[t] as number) * nOutputs;
    for (let k = 0; k < nOutputs; k++) {
      const x = skip[row + k] as number;
      norm2 += x * x;
    }
  }
  return norm2;
}

/** Writes group g's skip rows times `scale` into `out`. */
export function scaleGroupSkip(
  skip: ArrayLike<number>,
  out: Float32Array,
  nOutputs: number,
  layout: GroupLayout,
  g: number,
  scale: number,
): void {
  const { members, offsets } = layout;
  for (let t = offsets[g] as number; t < (offsets[g + 1] as number); t++) {
    const row = (members[t] as number) * nOutputs;
    for (let k = 0; k < nOutputs; k++) out[row + k] = (skip[row + k] as number) * scale;
  }
}

/** The error for NaN or Infinity among group g's weights, naming its first feature. */
export function nonFiniteError(layout: GroupLayout, g: number): HierProxError {
  const first = layout.offsets[g] as number;
  const size = (layout.offsets[g + 1] as number) - first;
  return new HierProxError(
    'NON_FINITE',
    `The weights of feature ${layout.members[first] as number}${size > 1 ? ` (group ${g})` : ''} contain NaN or Infinity; Hier-Prox needs finite weights.`,
  );
}
