import { choiceOption, type OptionsInput } from '@lassonet/core';
import * as v from 'valibot';
import { ModelError } from '../errors.js';
import { parseModelOptions } from '../options.js';
import { checkFinite, checkLengths, checkSurvivalTargets } from './validateSurvival.js';

/**
 * Which pairs count. `'standard'`: Harrell's C (as in pysurvival): pairs (i, j) with an event at
 * i and t_i < t_j, concordant when risk_i > risk_j, ties in risk counting 1/2; independent of
 * row order. `'upstream'`: the reference LassoNet's definition (see concordanceIndex).
 */
export type ConcordanceTies = 'standard' | 'upstream';

const concordanceSchema = v.strictObject({
  /** Default `'standard'`. */
  ties: v.optional(choiceOption(['standard', 'upstream']), 'standard'),
});

export type ConcordanceOptions = OptionsInput<typeof concordanceSchema>;

/**
 * The concordance index of predicted risks (higher risk, earlier event): the share of comparable
 * pairs the risks order correctly. 1 is a perfect ranking, 0.5 chance.
 *
 * `ties: 'upstream'` reproduces the reference: rows in order of time (ties in input order), and
 * each row is compared with every event before it in that order, concordant when the event's
 * risk is strictly greater. Rows tied in time are thus compared by input order, and tied risks
 * count as discordant.
 *
 * O(n log n). Throws INVALID_SURVIVAL when no pair is comparable.
 */
export function concordanceIndex(
  risk: ArrayLike<number>,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  options?: ConcordanceOptions,
): number {
  const where = 'concordanceIndex';
  const n = checkLengths(where, [
    ['risk', risk],
    ['time', time],
    ['event', event],
  ]);
  checkFinite(where, 'risk', risk);
  checkSurvivalTargets(where, time, event, { durations: 'time', events: 'event' });
  const { ties } = parseModelOptions(concordanceSchema, options, where);

  const rank = riskRanks(risk);
  const counts = new Fenwick(n);
  let num = 0;
  let den = 0;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;

  if (ties === 'upstream') {
    // Explicit index tie-break: the reference's sort is stable.
    order.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
    let past = 0;
    for (let p = 0; p < n; p++) {
      const i = order[p] as number;
      const r = rank[i] as number;
      num += past - counts.prefix(r);
      den += past;
      if (event[i] === 1) {
        counts.add(r);
        past++;
      }
    }
  } else {
    // Longest time first; a block of equal times is queried before it is added, so each event
    // meets exactly the rows with a strictly longer time.
    order.sort((a, b) => (time[b] as number) - (time[a] as number));
    let added = 0;
    for (let start = 0; start < n; ) {
      const t = time[order[start] as number] as number;
      let end = start;
      while (end < n && time[order[end] as number] === t) {
        const i = order[end] as number;
        if (event[i] === 1) {
          const r = rank[i] as number;
          const below = counts.prefix(r - 1);
          const equal = counts.prefix(r) - below;
          num += below + 0.5 * equal;
          den += added;
        }
        end++;
      }
      for (let p = start; p < end; p++) counts.add(rank[order[p] as number] as number);
      added += end - start;
      start = end;
    }
  }

  if (den === 0) {
    throw new ModelError(
      'INVALID_SURVIVAL',
      ties === 'upstream'
        ? `${where}: no comparable pair: no row comes after an event in time order, so the index is undefined.`
        : `${where}: no comparable pair: no event has a time shorter than another row's, so the index is undefined.`,
    );
  }
  return num / den;
}

/** 1-based dense ranks of the risks (equal risks share a rank). */
function riskRanks(risk: ArrayLike<number>): Int32Array {
  const n = risk.length;
  const byRisk = new Int32Array(n);
  for (let i = 0; i < n; i++) byRisk[i] = i;
  byRisk.sort((a, b) => (risk[a] as number) - (risk[b] as number));
  const rank = new Int32Array(n);
  let current = 0;
  let previous = Number.NaN;
  for (let p = 0; p < n; p++) {
    const i = byRisk[p] as number;
    const r = risk[i] as number;
    if (r !== previous) {
      current++;
      previous = r;
    }
    rank[i] = current;
  }
  return rank;
}

/** Counts per rank 1..n with prefix sums in O(log n). */
class Fenwick {
  private readonly tree: Int32Array;

  constructor(size: number) {
    this.tree = new Int32Array(size + 1);
  }

  add(rank: number): void {
    for (let k = rank; k < this.tree.length; k += k & -k)
      this.tree[k] = (this.tree[k] as number) + 1;
  }

  /** How many added ranks are <= rank. */
  prefix(rank: number): number {
    let total = 0;
    for (let k = rank; k > 0; k -= k & -k) total += this.tree[k] as number;
    return total;
  }
}
