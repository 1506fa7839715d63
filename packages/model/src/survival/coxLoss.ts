import { choiceOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { upstreamOrder } from '../compat/upstreamTieOrder.js';
import { ModelError } from '../errors.js';
import { parseModelOptions } from '../options.js';
import { checkFinite, checkLengths, checkSurvivalTargets } from './validateSurvival.js';

/** How tied event times enter the partial likelihood. */
export type CoxTies = 'breslow' | 'efron';

/**
 * Which rows are at risk at an event time. `'standard'`: every row whose duration is at least
 * that time. `'upstream'`: what the reference LassoNet (PyTorch) uses, which leaves out those
 * censored rows tied with the event time that its unstable sort happened to put after the
 * time's last event; use it only to reproduce the reference's numbers.
 */
export type CoxRiskSet = 'standard' | 'upstream';

export const coxOptionsSchema = v.strictObject({
  /** Default `'breslow'`. */
  ties: v.optional(choiceOption(['breslow', 'efron']), 'breslow'),
  /** Default `'standard'`. */
  riskSet: v.optional(choiceOption(['standard', 'upstream']), 'standard'),
});

export type CoxOptions = OptionsInput<typeof coxOptionsSchema>;

export interface CoxLossResult {
  /** The mean negative partial log-likelihood (per event). */
  loss: number;
  /** Its gradient with respect to each log-hazard. */
  gradient: Float64Array;
}

/**
 * The Cox negative partial log-likelihood of fixed survival targets, for training loops that
 * evaluate it many times: the order of the rows and the event groups are computed once here.
 *
 * With η the log-hazards, E the number of events, and for each event time g its d_g events,
 * T_g = Σ_{i∈g} exp(η_i) and R_g = Σ_{j at risk} exp(η_j):
 *
 *   loss = (1/E) Σ_g [ Σ_{k<d_g} log(R_g − c_k·T_g) − Σ_{i∈g} η_i ],
 *
 * with c_k = 0 (Breslow) or k/d_g (Efron). Without events the loss is defined as 0 with a zero
 * gradient, as in the reference: such a batch carries no information about the ranking.
 */
export class CoxTarget {
  /** Rows. */
  readonly n: number;
  /** Rows with an event. */
  readonly nEvents: number;
  readonly ties: CoxTies;
  readonly riskSet: CoxRiskSet;

  /** Rows by duration, longest first: every risk set is a prefix of this order. */
  private readonly order: Int32Array;
  /** Per event group: its risk set is order[0, groupEnd[g]); strictly increasing in g. */
  private readonly groupEnd: Int32Array;
  /** Per event group: its events are members[groupStart[g], groupStart[g + 1]). */
  private readonly groupStart: Int32Array;
  private readonly members: Int32Array;
  /** Per row: its event group, or -1 when censored. */
  private readonly rowGroup: Int32Array;
  // Scratch filled by each call (no allocation in the hot path): per group, the largest η in
  // its risk set, Σ_k 1/D_gk and Σ_k c_k/D_gk, with D_gk scaled by exp(-max).
  private readonly groupMax: Float64Array;
  private readonly groupInv: Float64Array;
  private readonly groupTieInv: Float64Array;

  constructor(durations: ArrayLike<number>, events: ArrayLike<number>, options?: CoxOptions) {
    const where = 'CoxTarget';
    const n = checkLengths(where, [
      ['durations', durations],
      ['events', events],
    ]);
    checkSurvivalTargets(where, durations, events);
    const { ties, riskSet } = parseModelOptions(coxOptionsSchema, options, where);
    this.n = n;
    this.ties = ties;
    this.riskSet = riskSet;

    let order: Int32Array;
    if (riskSet === 'upstream') {
      order = upstreamOrder(durations);
    } else {
      order = new Int32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => (durations[b] as number) - (durations[a] as number));
    }
    this.order = order;

    // Rows with one duration are adjacent in `order`; the events among them form one group.
    const groupEnd: number[] = [];
    const groupStart: number[] = [0];
    const members: number[] = [];
    const rowGroup = new Int32Array(n).fill(-1);
    for (let start = 0; start < n; ) {
      const t = durations[order[start] as number] as number;
      let end = start;
      let lastEvent = -1;
      while (end < n && durations[order[end] as number] === t) {
        const row = order[end] as number;
        if (events[row] === 1) {
          rowGroup[row] = groupEnd.length;
          members.push(row);
          lastEvent = end;
        }
        end++;
      }
      if (lastEvent >= 0) {
        // The reference's risk set stops at the group's last event in its sort order.
        groupEnd.push(riskSet === 'upstream' ? lastEvent + 1 : end);
        groupStart.push(members.length);
      }
      start = end;
    }
    const nGroups = groupEnd.length;
    this.nEvents = members.length;
    this.groupEnd = Int32Array.from(groupEnd);
    this.groupStart = Int32Array.from(groupStart);
    this.members = Int32Array.from(members);
    this.rowGroup = rowGroup;
    this.groupMax = new Float64Array(nGroups);
    this.groupInv = new Float64Array(nGroups);
    this.groupTieInv = new Float64Array(nGroups);
  }

  /**
   * The loss at `logHazard` (one per row); its gradient is written to `gradient` (length n).
   *
   * Stable for any finite η: each risk set's sum is accumulated relative to the largest η seen
   * so far (a running log-sum-exp), since one shift by the global maximum would underflow whole
   * risk sets to 0 when η spans more than ~745. Time O(n) per call.
   */
  lossAndGradient(logHazard: ArrayLike<number>, gradient: Float32Array | Float64Array): number {
    const where = 'CoxTarget.lossAndGradient';
    const n = this.n;
    if (logHazard.length !== n) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${where}: logHazard has ${logHazard.length} values, but the target has ${n} rows.`,
      );
    }
    if (gradient.length !== n) {
      throw new ModelError(
        'SHAPE_MISMATCH',
        `${where}: gradient has ${gradient.length} values, but the target has ${n} rows.`,
      );
    }
    checkFinite(where, 'logHazard', logHazard);
    if (this.nEvents === 0) {
      gradient.fill(0);
      return 0;
    }
    const { order, groupEnd, groupStart, members, rowGroup, groupMax, groupInv, groupTieInv } =
      this;
    const efron = this.ties === 'efron';
    const nGroups = groupEnd.length;

    // Forward over the order: the risk-set sum grows one row at a time, kept as exp(max)·sum.
    let loss = 0;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    let g = 0;
    for (let p = 0; p < n && g < nGroups; p++) {
      const x = logHazard[order[p] as number] as number;
      if (x > max) {
        sum = sum * Math.exp(max - x) + 1;
        max = x;
      } else {
        sum += Math.exp(x - max);
      }
      if (p + 1 !== groupEnd[g]) continue;

      const first = groupStart[g] as number;
      const last = groupStart[g + 1] as number;
      const d = last - first;
      let tied = 0; // T_g / exp(max)
      for (let m = first; m < last; m++) {
        const eta = logHazard[members[m] as number] as number;
        tied += Math.exp(eta - max);
        loss += max - eta; // −η_i, with the d·max taken out of the logs below
      }
      let inv = 0;
      let tieInv = 0;
      if (efron && d > 1) {
        // R − c·T written as (R − T) + (1 − c)·T: positive even when T is nearly all of R.
        const rest = Math.max(sum - tied, 0);
        for (let k = 0; k < d; k++) {
          const c = k / d;
          const den = rest + (1 - c) * tied;
          loss += Math.log(den);
          inv += 1 / den;
          tieInv += c / den;
        }
      } else {
        loss += d * Math.log(sum);
        inv = d / sum;
      }
      groupMax[g] = max;
      groupInv[g] = inv;
      groupTieInv[g] = tieInv;
      g++;
    }

    // Backward: row j gets exp(η_j)·Σ_{groups at risk} Σ_k 1/D_gk. Those groups are the ones
    // whose risk set reaches j's position, and the sum is kept as exp(−ref)·acc with ref the
    // largest max added so far, so no term overflows.
    const scale = 1 / this.nEvents;
    let acc = 0;
    let ref = groupMax[nGroups - 1] as number;
    g = nGroups - 1;
    for (let p = n - 1; p >= 0; p--) {
      while (g >= 0 && (groupEnd[g] as number) > p) {
        const gMax = groupMax[g] as number;
        acc = acc * Math.exp(gMax - ref) + (groupInv[g] as number);
        ref = gMax;
        g--;
      }
      const row = order[p] as number;
      const eta = logHazard[row] as number;
      let value = acc === 0 ? 0 : Math.exp(eta - ref) * acc;
      const own = rowGroup[row] as number;
      if (own >= 0) {
        value -= 1;
        const tieInv = groupTieInv[own] as number;
        if (tieInv !== 0) value -= Math.exp(eta - (groupMax[own] as number)) * tieInv;
      }
      gradient[row] = value * scale;
    }
    return loss * scale;
  }
}

/**
 * The Cox negative partial log-likelihood, averaged over events, and its gradient with respect
 * to `logHazard`. See CoxTarget, which this builds once per call; in a training loop build a
 * CoxTarget once instead. Without events the loss is 0 and the gradient zero. O(n log n).
 */
export function coxLoss(
  logHazard: ArrayLike<number>,
  durations: ArrayLike<number>,
  events: ArrayLike<number>,
  options?: CoxOptions,
): CoxLossResult {
  const where = 'coxLoss';
  // Checked here too, so that messages name coxLoss and its three arguments together.
  checkLengths(where, [
    ['logHazard', logHazard],
    ['durations', durations],
    ['events', events],
  ]);
  checkFinite(where, 'logHazard', logHazard);
  checkSurvivalTargets(where, durations, events);
  const o = parseModelOptions(coxOptionsSchema, options, where);
  const target = new CoxTarget(durations, events, o);
  const gradient = new Float64Array(target.n);
  const loss = target.lossAndGradient(logHazard, gradient);
  return { loss, gradient };
}
