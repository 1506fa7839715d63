import { groupSkipNorm2, nonFiniteError, scaleGroupSkip } from './groupSkip.js';
import type { GroupLayout } from './groups.js';
import type { ProxParams } from './options.js';
import { hierProxKernel } from './proxKernel.js';

/**
 * Hier-Prox applied again and again at one penalty from the same start, as `firstDropPenalty`
 * does: the caller holds the skip weights, the first layer is kept inside.
 */
export interface RepeatedProx {
  /** Back to the first layer given at the start. */
  restart(): void;
  /** One prox: `skip` with the first layer as it stands into `out`, and the first layer updated. */
  apply(lambda: number, skip: Float32Array, out: Float32Array): void;
}

/**
 * The repeated prox for these start weights. Without a first-layer penalty it never reads the
 * first layer again (`ClippedFirstLayer`); with one, it runs the plain kernel on two buffers.
 */
export function repeatedProx(
  skip: Float32Array,
  hidden: Float32Array,
  nOutputs: number,
  nHidden: number,
  layout: GroupLayout,
  { M, lambdaBar }: Omit<ProxParams, 'lambda'>,
): RepeatedProx {
  return lambdaBar === 0
    ? new ClippedFirstLayer(skip, hidden, nOutputs, nHidden, layout, M)
    : new PlainRepeat(hidden, nOutputs, nHidden, layout, M, lambdaBar);
}

/**
 * With lambdaBar 0 a prox clips each first-layer weight of a group at the group's threshold w*
 * and keeps its sign, and w* does not grow from one prox to the next (the new skip norm is w* over M,
 * and every first-layer magnitude is at most w*). So a group's magnitudes are always its starting
 * ones, sorted in descending order, with the top `clipped[g]` all equal to `level[g]`; the rest
 * are untouched. The active set of the next prox is that block plus the untouched values above
 * the new w*, which are exactly the ones that prox clips: a prox costs the skip rows plus the
 * newly clipped values, not the group's whole first layer.
 *
 * The arithmetic is `hierProxKernel`'s: the same skip norm, the same formula for w over the
 * active set, and that set's sum in float64, which is exact for float32 values unless they span
 * more than about 2^29; only then can the order of the sum round differently.
 */
class ClippedFirstLayer implements RepeatedProx {
  /** Per group, its first-layer magnitudes in descending order, at `start[g] .. start[g + 1]`. */
  private readonly sorted: Float64Array;
  private readonly start: Int32Array;
  private readonly clipped: Int32Array;
  private readonly level: Float64Array;

  constructor(
    skip: Float32Array,
    hidden: Float32Array,
    private readonly nOutputs: number,
    nHidden: number,
    private readonly layout: GroupLayout,
    private readonly M: number,
  ) {
    const { members, offsets, nGroups } = layout;
    this.start = new Int32Array(nGroups + 1);
    for (let g = 0; g < nGroups; g++) {
      this.start[g + 1] =
        (this.start[g] as number) + ((offsets[g + 1] as number) - (offsets[g] as number)) * nHidden;
    }
    this.sorted = new Float64Array(this.start[nGroups] as number);
    for (let g = 0; g < nGroups; g++) {
      let at = this.start[g] as number;
      let finite = 0;
      for (let t = offsets[g] as number; t < (offsets[g + 1] as number); t++) {
        const j = members[t] as number;
        for (let i = j * nHidden; i < (j + 1) * nHidden; i++) {
          const a = Math.abs(hidden[i] as number);
          finite += a;
          this.sorted[at++] = a;
        }
      }
      const norm2 = groupSkipNorm2(skip, nOutputs, layout, g);
      if (!Number.isFinite(finite) || !Number.isFinite(norm2)) throw nonFiniteError(layout, g);
      const group = this.sorted.subarray(this.start[g], this.start[g + 1]);
      group.sort().reverse();
    }
    this.clipped = new Int32Array(nGroups);
    this.level = new Float64Array(nGroups);
  }

  restart(): void {
    this.clipped.fill(0);
  }

  apply(lambda: number, skip: Float32Array, out: Float32Array): void {
    const { M, nOutputs, sorted, clipped, level } = this;
    const { nGroups } = this.layout;
    const MM = M * M;
    for (let g = 0; g < nGroups; g++) {
      const vNorm = Math.sqrt(groupSkipNorm2(skip, nOutputs, this.layout, g));
      const r = vNorm - lambda;

      // The active set is a prefix of the sorted magnitudes: the clipped block, when it lies
      // above w of the empty set, then each next value above w of the set so far (adding a value
      // moves w towards it, so w rises while values above it are added, and falls after).
      const first = this.start[g] as number;
      const end = this.start[g + 1] as number;
      const k = clipped[g] as number;
      const c = level[g] as number;
      let count = 0;
      let sum = 0;
      let w = M * r;
      if (k > 0 && c > 0 && c > w) {
        count = k;
        sum = k * c;
        w = (M * (r + M * sum)) / (1 + count * MM);
      }
      if (count === k) {
        for (let at = first + k; at < end; at++) {
          const a = sorted[at] as number;
          if (!(a > 0 && a > w)) break;
          sum += a;
          count++;
          w = (M * (r + M * sum)) / (1 + count * MM);
        }
      }

      const wStar = vNorm > 0 && w > 0 ? w : 0;
      const scale = wStar > 0 ? wStar / (M * vNorm) : 0;
      scaleGroupSkip(skip, out, nOutputs, this.layout, g, scale);
      // Every magnitude above w* becomes w* (as float32): the block, if it lies above, and the
      // untouched values above it, which follow the block in the sorted order.
      if (k === 0 || wStar < c) {
        let at = first + k;
        while (at < end && (sorted[at] as number) > wStar) at++;
        if (at > first) {
          clipped[g] = at - first;
          level[g] = Math.fround(wStar);
        }
      }
    }
  }
}

/** The plain kernel on two first-layer buffers, swapped after every prox. */
class PlainRepeat implements RepeatedProx {
  private now: Float32Array;
  private next: Float32Array;

  constructor(
    private readonly hidden: Float32Array,
    private readonly nOutputs: number,
    private readonly nHidden: number,
    private readonly layout: GroupLayout,
    private readonly M: number,
    private readonly lambdaBar: number,
  ) {
    this.now = Float32Array.from(hidden);
    this.next = new Float32Array(hidden.length);
  }

  restart(): void {
    this.now.set(this.hidden);
  }

  apply(lambda: number, skip: Float32Array, out: Float32Array): void {
    const { M, lambdaBar } = this;
    hierProxKernel(
      skip,
      this.now,
      this.nOutputs,
      this.nHidden,
      this.layout,
      { lambda, lambdaBar, M },
      out,
      this.next,
    );
    [this.now, this.next] = [this.next, this.now];
  }
}
