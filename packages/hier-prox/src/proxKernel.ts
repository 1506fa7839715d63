import { groupSkipNorm2, nonFiniteError, scaleGroupSkip } from './groupSkip.js';
import type { GroupLayout } from './groups.js';
import type { ProxParams } from './options.js';

/**
 * The admitted a_i of the group at hand. Usually a few per feature, so it starts small, grows
 * on demand and is kept between calls: fresh memory is not free.
 */
let admitted: Float64Array = new Float64Array(256);

function grow(full: Float64Array): Float64Array {
  admitted = new Float64Array(full.length * 2);
  admitted.set(full);
  return admitted;
}

/**
 * Hier-Prox on row-major typed arrays: `skip` is [nFeatures, nOutputs], `hidden` is
 * [nFeatures, nHidden], and the results are written to `outSkip` and `outHidden`, which may be
 * the inputs themselves: each group's rows are read in full before they are written. Each group
 * is handled independently, in time linear in its size on average.
 *
 * For a group with skip weights v and first-layer weights u, let a_i = max(0, |u_i| - lambdaBar)
 * and, for a set A of coordinates, w(A) = M (||v|| - lambda + M·sum_A a_i) / (1 + |A|·M²).
 * The operator's threshold is w* = max(0, max over m of w(top m of a)), and adding an element to
 * A moves w(A) towards that element (w(A ∪ {x}) is a weighted mean of w(A) and x). So w(A) never
 * exceeds w* for any A, an element at or below the current w(A) can never be active, and the
 * active set is found without sorting: one pass that admits elements above the running w(A)
 * (Condat's online filter for the simplex projection), then passes that drop elements at or below
 * w(A) until none is dropped (Michelot). w(A) only grows, and at the fixed point A holds exactly
 * the elements above w*.
 */
export function hierProxKernel(
  skip: ArrayLike<number>,
  hidden: ArrayLike<number>,
  nOutputs: number,
  nHidden: number,
  layout: GroupLayout,
  params: ProxParams,
  outSkip: Float32Array,
  outHidden: Float32Array,
): void {
  const { lambda, lambdaBar, M } = params;
  const MM = M * M;
  let scratch: Float64Array = admitted;
  const { members, offsets } = layout;
  for (let g = 0; g < layout.nGroups; g++) {
    const first = offsets[g] as number;
    const end = offsets[g + 1] as number;

    const norm2 = groupSkipNorm2(skip, nOutputs, layout, g);
    const vNorm = Math.sqrt(norm2);
    const r = vNorm - lambda;

    // Online filter: admit a_i above the running threshold w(A) = num / den (and above 0, as
    // a_i >= 0 by definition), compared without dividing: a·den > num.
    let count = 0;
    let sum = 0;
    let num = M * r;
    let den = 1;
    let finite = 0; // sums every |u_i| so that one check catches NaN or Infinity
    for (let t = first; t < end; t++) {
      const row = (members[t] as number) * nHidden;
      for (let i = 0; i < nHidden; i++) {
        const abs = Math.abs(hidden[row + i] as number);
        finite += abs;
        const a = abs - lambdaBar;
        if (a > 0 && a * den > num) {
          if (count === scratch.length) scratch = grow(scratch);
          scratch[count++] = a;
          sum += a;
          num += MM * a;
          den += MM;
        }
      }
    }
    if (!Number.isFinite(finite) || !Number.isFinite(norm2)) throw nonFiniteError(layout, g);

    // Drop admitted elements that the grown threshold has overtaken, until none is dropped.
    let w = (M * (r + M * sum)) / (1 + count * MM);
    for (;;) {
      let kept = 0;
      let keptSum = 0;
      for (let t = 0; t < count; t++) {
        const a = scratch[t] as number;
        if (a > w) {
          scratch[kept++] = a;
          keptSum += a;
        }
      }
      if (kept === count) break;
      count = kept;
      sum = keptSum;
      w = (M * (r + M * sum)) / (1 + count * MM);
    }

    // A zero skip row has no direction to keep: the feature leaves (the reference gives NaN).
    const wStar = vNorm > 0 && w > 0 ? w : 0;
    const scale = wStar > 0 ? wStar / (M * vNorm) : 0;
    scaleGroupSkip(skip, outSkip, nOutputs, layout, g, scale);
    for (let t = first; t < end; t++) {
      const j = members[t] as number;
      // sign(u)·min(max(0, |u| - lambdaBar), w*), exact at any magnitudes and without branches
      // (random signs would defeat the branch predictor, as they do in Math.min and Math.max):
      // each comparison gives 0 or 1, and of the products summed only the selected one is
      // non-zero, so no sum rounds.
      const hRow = j * nHidden;
      if (lambdaBar === 0) {
        const low = -wStar;
        for (let i = hRow; i < hRow + nHidden; i++) {
          const x = hidden[i] as number;
          const above = +(x > wStar);
          const below = +(x < low);
          outHidden[i] = (above - below) * wStar + (1 - above - below) * x;
        }
      } else {
        for (let i = hRow; i < hRow + nHidden; i++) {
          const x = hidden[i] as number;
          const a = Math.abs(x) - lambdaBar;
          const above = +(a > wStar);
          const magnitude = (+(a > 0) - above) * a + above * wStar;
          outHidden[i] = (1 - 2 * +(x < 0)) * magnitude;
        }
      }
    }
  }
}
