import { Random } from '@lassonet/core';
import { thrown } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../errors.js';
import { coxFixtures } from '../test-utils/referenceValues.js';
import { type ConcordanceOptions, concordanceIndex } from './concordanceIndex.js';

/** Harrell's C from its definition, over all pairs. */
function bruteHarrell(risk: number[], time: number[], event: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < risk.length; i++) {
    if (event[i] !== 1) continue;
    for (let j = 0; j < risk.length; j++) {
      if ((time[i] as number) < (time[j] as number)) {
        den++;
        const ri = risk[i] as number;
        const rj = risk[j] as number;
        if (ri > rj) num += 1;
        else if (ri === rj) num += 0.5;
      }
    }
  }
  return num / den;
}

/** The reference's definition, over all pairs: a stable time order, then earlier events. */
function bruteUpstream(risk: number[], time: number[], event: number[]): number {
  const order = [...risk.keys()].sort((a, b) => (time[a] as number) - (time[b] as number));
  let num = 0;
  let den = 0;
  for (let q = 0; q < order.length; q++) {
    const i = order[q] as number;
    for (let p = 0; p < q; p++) {
      const j = order[p] as number;
      if (event[j] !== 1) continue;
      den++;
      if ((risk[j] as number) > (risk[i] as number)) num++;
    }
  }
  return num / den;
}

function randomData(seed: number, n: number, timeLevels: number, riskLevels: number) {
  const random = new Random(seed);
  const risk: number[] = [];
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    risk.push(riskLevels > 0 ? random.int(0, riskLevels - 1) / 3 : random.normal());
    time.push(timeLevels > 0 ? random.int(0, timeLevels - 1) : random.uniform(0, 10));
    event.push(random.float() < 0.6 ? 1 : 0);
  }
  return { risk, time, event };
}

describe('concordanceIndex against the reference LassoNet', () => {
  it.each(coxFixtures())('$name: upstream ties give the reference value', (c) => {
    const value = concordanceIndex(c.logHazard, c.durations, c.events, { ties: 'upstream' });
    expect(Math.abs(value - c.concordance)).toBeLessThanOrEqual(1e-12);
  });
});

describe('concordanceIndex', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    const time = [5, 1, 4, 2, 3, 6];
    const event = [1, 1, 0, 1, 1, 0];
    const perfect = time.map((t) => -t); // shorter time, higher risk
    const reversed = [...time];
    for (const ties of ['standard', 'upstream'] as const) {
      expect(concordanceIndex(perfect, time, event, { ties })).toBe(1);
      expect(concordanceIndex(reversed, time, event, { ties })).toBe(0);
    }
  });

  it('is 0.5 for equal risks (standard) and 0 in the reference, which counts tied risks as discordant', () => {
    const time = [1, 2, 3, 4, 5];
    const event = [1, 1, 1, 0, 1];
    const risk = [0.7, 0.7, 0.7, 0.7, 0.7];
    expect(concordanceIndex(risk, time, event)).toBe(0.5);
    expect(concordanceIndex(risk, time, event, { ties: 'upstream' })).toBe(0);
  });

  it('counts a pair tied in time only in the reference, by input order', () => {
    // Rows 0 and 1 share time 1; only the reference compares them (row 0 first, an event).
    const risk = [2, 1, 0];
    const time = [1, 1, 2];
    const event = [1, 1, 0];
    // Standard: pairs (0, 2) and (1, 2), both concordant.
    expect(concordanceIndex(risk, time, event)).toBe(1);
    // Upstream: row 1 against event 0 (concordant), row 2 against both (concordant).
    expect(concordanceIndex(risk, time, event, { ties: 'upstream' })).toBe(1);
    // Swap the rows tied in time: the event now with the lower risk comes first.
    expect(concordanceIndex([1, 2, 0], time, event, { ties: 'upstream' })).toBeCloseTo(2 / 3, 15);
    expect(concordanceIndex([1, 2, 0], time, event)).toBe(1);
  });

  it('equals the all-pairs definitions on random data with ties in time and risk', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 3 + seed * 9;
      const { risk, time, event } = randomData(
        seed,
        n,
        seed % 3 === 0 ? 0 : 2 + (seed % 7),
        seed % 4 === 0 ? 0 : 1 + (seed % 5),
      );
      expect(Math.abs(concordanceIndex(risk, time, event) - bruteHarrell(risk, time, event))).toBe(
        0,
      );
      expect(
        Math.abs(
          concordanceIndex(risk, time, event, { ties: 'upstream' }) -
            bruteUpstream(risk, time, event),
        ),
      ).toBe(0);
    }
  });

  it('standard ties do not depend on row order', () => {
    const random = new Random(9);
    const { risk, time, event } = randomData(10, 300, 6, 4);
    const base = concordanceIndex(risk, time, event);
    for (let trial = 0; trial < 10; trial++) {
      const perm = random.permutation(risk.length);
      const permuted = concordanceIndex(
        perm.map((i) => risk[i] as number),
        perm.map((i) => time[i] as number),
        perm.map((i) => event[i] as number),
      );
      expect(permuted).toBe(base);
    }
  });

  // 200 000 rows: the sort-based count finishes well inside the test's time limit, where
  // comparing all pairs would take minutes (speed itself is for benchmarks, not tests).
  it('handles 200 000 rows: exact on ordered risks, about 0.5 on random ones', () => {
    const { risk, time, event } = randomData(11, 200_000, 1000, 0);
    const value = concordanceIndex(risk, time, event);
    concordanceIndex(risk, time, event, { ties: 'upstream' });
    expect(value).toBeGreaterThan(0.45);
    expect(value).toBeLessThan(0.55);
    const n = 200_000;
    const ordered = Array.from({ length: n }, (_, i) => i + 1);
    const events = new Array<number>(n).fill(1);
    // Shorter times get higher risks: every comparable pair is concordant, or with the risks
    // reversed, discordant.
    expect(
      concordanceIndex(
        ordered.map((t) => -t),
        ordered,
        events,
      ),
    ).toBe(1);
    expect(concordanceIndex(ordered, ordered, events)).toBe(0);
  });
});

describe('concordanceIndex input checks', () => {
  it('rejects data without a comparable pair', () => {
    // All censored, or every event at the longest time.
    for (const [time, event] of [
      [
        [1, 2, 3],
        [0, 0, 0],
      ],
      [
        [1, 2, 3],
        [0, 0, 1],
      ],
    ]) {
      const standard = thrown(ModelError, () =>
        concordanceIndex([1, 2, 3], time ?? [], event ?? []),
      );
      expect(standard.code).toBe('INVALID_SURVIVAL');
      expect(standard.message).toBe(
        "concordanceIndex: no comparable pair: no event has a time shorter than another row's, so the index is undefined.",
      );
    }
    const upstream = thrown(ModelError, () =>
      concordanceIndex([1, 2, 3], [1, 2, 3], [0, 0, 1], { ties: 'upstream' }),
    );
    expect(upstream.code).toBe('INVALID_SURVIVAL');
    expect(upstream.message).toBe(
      'concordanceIndex: no comparable pair: no row comes after an event in time order, so the index is undefined.',
    );
    // One row only.
    expect(thrown(ModelError, () => concordanceIndex([1], [1], [1])).code).toBe('INVALID_SURVIVAL');
  });

  it('rejects empty input and mismatched lengths', () => {
    const empty = thrown(ModelError, () => concordanceIndex([], [], []));
    expect(empty.code).toBe('EMPTY');
    expect(empty.message).toBe(
      'concordanceIndex: risk, time, event are empty; at least one row is needed.',
    );
    const mismatch = thrown(ModelError, () => concordanceIndex([1, 2], [1, 2], [1]));
    expect(mismatch.code).toBe('SHAPE_MISMATCH');
    expect(mismatch.message).toBe(
      'concordanceIndex: risk, time, event must have the same length, but risk has 2, time has 2, event has 1.',
    );
  });

  it('rejects non-finite risks and times, naming argument and index', () => {
    const risk = thrown(ModelError, () => concordanceIndex([1, Number.NaN], [1, 2], [1, 0]));
    expect(risk.code).toBe('NON_FINITE');
    expect(risk.message).toBe('concordanceIndex: risk[1] is NaN; it must be finite.');
    const time = thrown(ModelError, () =>
      concordanceIndex([1, 2], [Number.NEGATIVE_INFINITY, 2], [1, 0]),
    );
    expect(time.code).toBe('NON_FINITE');
    expect(time.message).toBe('concordanceIndex: time[0] is -Infinity; it must be finite.');
  });

  it('rejects negative times and events other than 0 and 1', () => {
    const time = thrown(ModelError, () => concordanceIndex([1, 2], [1, -2], [1, 0]));
    expect(time.code).toBe('INVALID_SURVIVAL');
    expect(time.message).toBe('concordanceIndex: time[1] is -2; it must be >= 0.');
    const event = thrown(ModelError, () => concordanceIndex([1, 2], [1, 2], [1, -1]));
    expect(event.code).toBe('INVALID_SURVIVAL');
    expect(event.message).toBe(
      'concordanceIndex: event[1] is -1; it must be 0 (censored) or 1 (event).',
    );
  });

  it('rejects unknown options and bad option values', () => {
    const unknown = thrown(ModelError, () =>
      concordanceIndex([1, 2], [1, 2], [1, 0], { method: 'x' } as unknown as ConcordanceOptions),
    );
    expect(unknown.code).toBe('UNKNOWN_OPTION');
    expect(unknown.message).toBe(
      "Unknown option 'method' for concordanceIndex. Known options: ties.",
    );
    const bad = thrown(ModelError, () =>
      concordanceIndex([1, 2], [1, 2], [1, 0], {
        ties: 'harrell',
      } as unknown as ConcordanceOptions),
    );
    expect(bad.code).toBe('INVALID_OPTION');
    expect(bad.message).toBe(
      "concordanceIndex: ties must be one of 'standard', 'upstream', got 'harrell'.",
    );
  });
});
