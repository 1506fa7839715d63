import type { Tensor } from '@lassonet/backend';
import { HierProxError } from './errors.js';
import { groupSkipNorm2 } from './groupSkip.js';
import { type GroupLayout, groupLayout, singletonGroups } from './groups.js';
import { checkKernels } from './hierProx.js';
import { type FirstDropOptions, firstDropSchema, parse } from './options.js';
import { repeatedProx } from './repeatedProx.js';

export type { FirstDropOptions };

export interface FirstDrop {
  /** The smallest step penalty on the grid start·factor^k whose fixed point drops a feature. */
  lambda: number;
  /** The grid value before it: the largest tried that keeps every feature (0 if none was). */
  previous: number;
  /** The features (indices) that `lambda` drops, ascending. */
  dropped: number[];
}

/**
 * Where the regularization path should start: the smallest step penalty, on the geometric grid
 * start·factor^k, at which repeating Hier-Prox on these weights until they stop moving removes
 * at least one feature that is selected now. LassoNet's path starts from `lambda / learningRate`
 * scaled down (the path package divides by 10), so that the first steps keep every feature.
 */
export async function firstDropPenalty(
  skip: Tensor,
  hidden: Tensor,
  options: FirstDropOptions = {},
): Promise<FirstDrop> {
  const { M, lambdaBar, groups, start, factor, tol, maxIterations } = parse(
    firstDropSchema,
    options,
    'firstDropPenalty',
  );
  const [s, h] = checkKernels(skip, hidden);
  const [nFeatures, nOutputs] = s.shape;
  const nHidden = h.shape[1];
  const layout = groups === undefined ? singletonGroups(nFeatures) : groupLayout(groups, nFeatures);
  const skip0 = new Float32Array(await s.data());
  const hidden0 = new Float32Array(await h.data());

  const before = selectedGroups(skip0, nOutputs, layout);
  if (!before.some(Boolean)) {
    throw new HierProxError(
      'INVALID_OPTION',
      'Every skip row is zero: no feature is selected, so there is none left to drop.',
    );
  }
  // Beyond this penalty a single prox zeroes every group, so the search always ends.
  const ceiling = penaltyCeiling(skip0, hidden0, nOutputs, nHidden, layout, M);

  // Two skip buffers, swapped after every prox: the result of one is the input of the next.
  let skipNow = new Float32Array(skip0.length);
  let skipNext = new Float32Array(skip0.length);
  const prox = repeatedProx(skip0, hidden0, nOutputs, nHidden, layout, { M, lambdaBar });
  let previous = 0;
  for (let lambda = start; ; lambda *= factor) {
    skipNow.set(skip0);
    prox.restart();
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      if (!canReachZero(skipNow, nOutputs, layout, before, lambda, maxIterations - iteration)) {
        break;
      }
      prox.apply(lambda, skipNow, skipNext);
      let moved = 0;
      for (let i = 0; i < skipNow.length; i++) {
        moved = Math.max(moved, Math.abs((skipNext[i] as number) - (skipNow[i] as number)));
      }
      [skipNow, skipNext] = [skipNext, skipNow];
      if (moved < tol) break;
    }
    const after = selectedGroups(skipNow, nOutputs, layout);
    const dropped: number[] = [];
    for (let g = 0; g < layout.nGroups; g++) {
      if (before[g] && !after[g]) {
        for (let t = layout.offsets[g] as number; t < (layout.offsets[g + 1] as number); t++) {
          dropped.push(layout.members[t] as number);
        }
      }
    }
    if (dropped.length > 0 || lambda > ceiling) {
      return { lambda, previous, dropped: dropped.sort((a, b) => a - b) };
    }
    previous = lambda;
  }
}

/**
 * Whether some selected group could reach zero within `left` more proxes at `lambda`. One prox
 * shrinks a group's skip norm by at most lambda (its threshold w* is at least M·(||v|| - lambda),
 * the value with no hidden weight active, and the new norm is w* over M), so a group whose norm exceeds
 * lambda·left cannot. The margin covers float32 rounding, at most a few ulps of the norm per
 * prox. When no group can, the search at this penalty keeps every feature however many proxes
 * it would still run, and ends there.
 */
function canReachZero(
  skip: Float32Array,
  nOutputs: number,
  layout: GroupLayout,
  selected: readonly boolean[],
  lambda: number,
  left: number,
): boolean {
  const slack = 1 - 1e-6 * left;
  for (let g = 0; g < layout.nGroups; g++) {
    if (!selected[g]) continue;
    const norm = Math.sqrt(groupSkipNorm2(skip, nOutputs, layout, g));
    if (norm * slack <= lambda * left) return true;
  }
  return false;
}

function selectedGroups(skip: Float32Array, nOutputs: number, layout: GroupLayout): boolean[] {
  const selected: boolean[] = [];
  for (let g = 0; g < layout.nGroups; g++) {
    let any = false;
    for (let t = layout.offsets[g] as number; t < (layout.offsets[g + 1] as number) && !any; t++) {
      const row = (layout.members[t] as number) * nOutputs;
      for (let k = 0; k < nOutputs; k++) if (skip[row + k] !== 0) any = true;
    }
    selected.push(any);
  }
  return selected;
}

/** max over groups of ||v|| + M·sum|u|: at a larger penalty every w_m is 0. */
function penaltyCeiling(
  skip: Float32Array,
  hidden: Float32Array,
  nOutputs: number,
  nHidden: number,
  layout: GroupLayout,
  M: number,
): number {
  let ceiling = 0;
  for (let g = 0; g < layout.nGroups; g++) {
    let l1 = 0;
    for (let t = layout.offsets[g] as number; t < (layout.offsets[g + 1] as number); t++) {
      const j = layout.members[t] as number;
      for (let i = 0; i < nHidden; i++) l1 += Math.abs(hidden[j * nHidden + i] as number);
    }
    ceiling = Math.max(ceiling, Math.sqrt(groupSkipNorm2(skip, nOutputs, layout, g)) + M * l1);
  }
  return ceiling;
}
