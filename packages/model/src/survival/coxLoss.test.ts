import { Random } from '@lassonet/core';
import { thrown } from '@lassonet/vitest-config/errors';
import { describe, expect, it } from 'vitest';
import { upstreamOrder } from '../compat/upstreamTieOrder.js';
import { ModelError } from '../errors.js';
import { type CoxFixture, coxFixtures } from '../test-utils/referenceValues.js';
import { type CoxOptions, CoxTarget, type CoxTies, coxLoss } from './coxLoss.js';

const TIES: readonly CoxTies[] = ['breslow', 'efron'];
const MODES = [
  ['breslow', 'standard'],
  ['breslow', 'upstream'],
  ['efron', 'standard'],
  ['efron', 'upstream'],
] as const;

interface Data {
  eta: number[];
  durations: number[];
  events: number[];
}

/** Random rows; `levels` distinct integer durations make many ties, 0 gives continuous ones. */
function randomData(seed: number, n: number, levels: number, eventRate = 0.6, spread = 1): Data {
  const random = new Random(seed);
  const eta: number[] = [];
  const durations: number[] = [];
  const events: number[] = [];
  for (let i = 0; i < n; i++) {
    eta.push(spread * random.normal());
    durations.push(levels > 0 ? random.int(0, levels - 1) : random.uniform(0, 100));
    events.push(random.float() < eventRate ? 1 : 0);
  }
  return { eta, durations, events };
}

/**
 * The textbook Cox loss and gradient, straight from the definition in O(n²), in float64 without
 * any stabilization. `atRisk(j, tau)` says whether row j is in the risk set of event time tau.
 */
function bruteCox(
  eta: readonly number[],
  durations: readonly number[],
  events: readonly number[],
  ties: CoxTies,
  atRisk: (j: number, tau: number) => boolean = (j, tau) => (durations[j] as number) >= tau,
): { loss: number; gradient: number[] } {
  const n = eta.length;
  const times = [...new Set(durations.filter((_, i) => events[i] === 1))];
  const nEvents = events.filter((e) => e === 1).length;
  let loss = 0;
  const gradient = new Array<number>(n).fill(0);
  for (const tau of times) {
    const group = [...Array(n).keys()].filter((i) => events[i] === 1 && durations[i] === tau);
    const risk = [...Array(n).keys()].filter((j) => atRisk(j, tau));
    const d = group.length;
    const R = risk.reduce((s, j) => s + Math.exp(eta[j] as number), 0);
    const T = group.reduce((s, i) => s + Math.exp(eta[i] as number), 0);
    for (let k = 0; k < d; k++) {
      const c = ties === 'efron' ? k / d : 0;
      const D = R - c * T;
      loss += Math.log(D);
      for (const j of risk) gradient[j] = (gradient[j] as number) + Math.exp(eta[j] as number) / D;
      for (const i of group) {
        gradient[i] = (gradient[i] as number) - (c * Math.exp(eta[i] as number)) / D;
      }
    }
    for (const i of group) {
      loss -= eta[i] as number;
      gradient[i] = (gradient[i] as number) - 1;
    }
  }
  return { loss: loss / nEvents, gradient: gradient.map((g) => g / nEvents) };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return max;
}

function fixture(name: string): CoxFixture {
  const found = coxFixtures().find((c) => c.name === name);
  if (found === undefined) throw new Error(`No fixture case ${name}`);
  return found;
}

/** Rows that are censored at a time that also has an event: where the two risk sets differ. */
function censoredAtEventTime(durations: readonly number[], events: readonly number[]): number {
  const eventTimes = new Set(durations.filter((_, i) => events[i] === 1));
  return durations.filter((t, i) => events[i] === 0 && eventTimes.has(t)).length;
}

describe('coxLoss against the reference LassoNet', () => {
  const cases = coxFixtures();

  it('has the ten fixture cases', () => {
    expect(cases.map((c) => c.name)).toEqual([...Array(10).keys()].map((i) => `cox-1-${i}`));
  });

  describe.each(cases)('$name', (c) => {
    it.each(TIES)('%s: upstream risk sets give the reference loss and gradient', (ties) => {
      const { loss, gradient } = coxLoss(c.logHazard, c.durations, c.events, {
        ties,
        riskSet: 'upstream',
      });
      expect(Math.abs(loss - c[ties].loss)).toBeLessThan(1e-5);
      expect(maxAbsDiff(gradient, c[ties].grad)).toBeLessThan(1e-5);
    });
  });

  it('needs the upstream risk sets: standard ones miss every case with censored rows tied to events', () => {
    let differing = 0;
    for (const c of cases) {
      const ties = censoredAtEventTime(c.durations, c.events);
      const { loss } = coxLoss(c.logHazard, c.durations, c.events, { riskSet: 'standard' });
      const gap = Math.abs(loss - c.breslow.loss);
      if (ties === 0) {
        expect(gap).toBeLessThan(1e-5);
      } else if (gap > 1e-4) {
        differing++;
      }
    }
    // Only cox-1-6 has no such rows; in cox-1-2 the sort happens to keep them at risk.
    expect(differing).toBeGreaterThanOrEqual(6);
  });

  it('needs the unstable sort: a stable descending order misses the larger cases', () => {
    let differing = 0;
    for (const c of cases) {
      const n = c.durations.length;
      const stable = [...Array(n).keys()].sort(
        (a, b) => (c.durations[b] as number) - (c.durations[a] as number),
      );
      const position = new Array<number>(n);
      stable.forEach((row, p) => {
        position[row] = p;
      });
      // Risk set of time tau: rows up to the last event at tau in that order.
      const lastEvent = (tau: number) =>
        Math.max(
          ...stable
            .filter((i) => c.events[i] === 1 && c.durations[i] === tau)
            .map((i) => position[i] as number),
        );
      const { loss } = bruteCox(
        c.logHazard,
        c.durations,
        c.events,
        'breslow',
        (j, tau) => (position[j] as number) <= lastEvent(tau),
      );
      if (Math.abs(loss - c.breslow.loss) > 1e-4) differing++;
    }
    expect(differing).toBeGreaterThan(0);
  });
});

describe('coxLoss with standard risk sets', () => {
  it.each(TIES)('%s: equals the O(n²) definition on data with many ties', (ties) => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 5 + seed * 7;
      const { eta, durations, events } = randomData(seed, n, 1 + (seed % 8), 0.3 + 0.03 * seed);
      const expected = bruteCox(eta, durations, events, ties);
      const { loss, gradient } = coxLoss(eta, durations, events, { ties });
      expect(Math.abs(loss - expected.loss)).toBeLessThan(1e-12 * Math.max(1, expected.loss));
      expect(maxAbsDiff(gradient, expected.gradient)).toBeLessThan(1e-12);
    }
  });

  it.each(MODES)('upstream mode (%s) equals the O(n²) definition over upstreamOrder', (ties) => {
    const { eta, durations, events } = randomData(99, 120, 6);
    const order = upstreamOrder(durations);
    const position = new Array<number>(order.length);
    order.forEach((row, p) => {
      position[row] = p;
    });
    const lastEvent = new Map<number, number>();
    for (const row of order) {
      if (events[row] === 1) lastEvent.set(durations[row] as number, position[row] as number);
    }
    const expected = bruteCox(eta, durations, events, ties, (j, tau) => {
      return (position[j] as number) <= (lastEvent.get(tau) as number);
    });
    const { loss, gradient } = coxLoss(eta, durations, events, { ties, riskSet: 'upstream' });
    expect(Math.abs(loss - expected.loss)).toBeLessThan(1e-12);
    expect(maxAbsDiff(gradient, expected.gradient)).toBeLessThan(1e-12);
  });

  it.each(TIES)('%s: does not depend on row order', (ties) => {
    const random = new Random(7);
    for (let trial = 0; trial < 10; trial++) {
      const { eta, durations, events } = randomData(100 + trial, 60, 4);
      const base = coxLoss(eta, durations, events, { ties });
      const perm = random.permutation(eta.length);
      const permuted = coxLoss(
        perm.map((i) => eta[i] as number),
        perm.map((i) => durations[i] as number),
        perm.map((i) => events[i] as number),
        { ties },
      );
      expect(Math.abs(permuted.loss - base.loss)).toBeLessThan(1e-12);
      expect(
        maxAbsDiff(
          permuted.gradient,
          perm.map((i) => base.gradient[i] as number),
        ),
      ).toBeLessThan(1e-12);
    }
  });

  it('upstream mode, by contrast, depends on row order where censored rows tie with events', () => {
    const { eta, durations, events } = randomData(5, 200, 4);
    const random = new Random(8);
    const losses = new Set<number>();
    for (let trial = 0; trial < 10; trial++) {
      const perm = random.permutation(eta.length);
      const { loss } = coxLoss(
        perm.map((i) => eta[i] as number),
        perm.map((i) => durations[i] as number),
        perm.map((i) => events[i] as number),
        { riskSet: 'upstream' },
      );
      losses.add(Math.round(loss * 1e9));
    }
    expect(losses.size).toBeGreaterThan(1);
  });

  it.each(TIES)('%s: equals upstream mode without censored rows tied to event times', (ties) => {
    // cox-1-6 has no censored row at an event time; cox-1-2 has three, but each comes before
    // its time's last event in the reference's order, so it is at risk there too.
    const datasets: Data[] = [fixture('cox-1-2'), fixture('cox-1-6')].map((c) => ({
      eta: c.logHazard,
      durations: c.durations,
      events: c.events,
    }));
    const generated: Data[] = [];
    for (let seed = 1; seed <= 5; seed++) generated.push(randomData(seed, 50 * seed, 0));
    // Tied event times alone are fine: every event of a time is in its own group's risk set.
    generated.push(randomData(77, 300, 10, 1));
    for (const data of generated) {
      expect(censoredAtEventTime(data.durations, data.events)).toBe(0);
      datasets.push(data);
    }
    for (const { eta, durations, events } of datasets) {
      const standard = coxLoss(eta, durations, events, { ties });
      const upstream = coxLoss(eta, durations, events, { ties, riskSet: 'upstream' });
      expect(Math.abs(standard.loss - upstream.loss)).toBeLessThan(1e-12);
      expect(maxAbsDiff(standard.gradient, upstream.gradient)).toBeLessThan(1e-12);
    }
  });
});

describe('coxLoss gradient', () => {
  it.each(MODES)('%s / %s: matches central finite differences', (ties, riskSet) => {
    for (const seed of [11, 12, 13]) {
      const { eta, durations, events } = randomData(seed, 40, 5, 0.5, 2);
      const options: CoxOptions = { ties, riskSet };
      const { gradient } = coxLoss(eta, durations, events, options);
      const h = 1e-5;
      for (let j = 0; j < eta.length; j++) {
        const plus = [...eta];
        const minus = [...eta];
        plus[j] = (plus[j] as number) + h;
        minus[j] = (minus[j] as number) - h;
        const numeric =
          (coxLoss(plus, durations, events, options).loss -
            coxLoss(minus, durations, events, options).loss) /
          (2 * h);
        expect(Math.abs((gradient[j] as number) - numeric)).toBeLessThan(1e-8);
      }
    }
  });

  it.each(MODES)('%s / %s: sums to zero (the loss ignores a common shift)', (ties, riskSet) => {
    const { eta, durations, events } = randomData(21, 200, 7);
    const { gradient } = coxLoss(eta, durations, events, { ties, riskSet });
    expect(Math.abs(gradient.reduce((s, g) => s + g, 0))).toBeLessThan(1e-12);
  });
});

describe('coxLoss numerical stability', () => {
  it.each(MODES)('%s / %s: log-hazards of ±1000 give finite values', (ties, riskSet) => {
    const random = new Random(31);
    const { durations, events } = randomData(31, 300, 12);
    const signs = [
      durations.map(() => (random.float() < 0.5 ? -1 : 1)),
      // Long durations low: the first risk sets hold only −1000, which a shift by the global
      // maximum alone would underflow to 0.
      durations.map((t) => (t >= 6 ? -1 : random.float() < 0.5 ? -1 : 1)),
    ];
    for (const sign of signs) {
      const eta = sign.map((x) => 1000 * x);
      const { loss, gradient } = coxLoss(eta, durations, events, { ties, riskSet });
      expect(Number.isFinite(loss)).toBe(true);
      expect(loss).toBeGreaterThanOrEqual(0);
      for (const g of gradient) expect(Number.isFinite(g)).toBe(true);
      expect(Math.abs(gradient.reduce((s, g) => s + g, 0))).toBeLessThan(1e-9);
    }
  });

  it('gives the exact loss when each risk set is dominated by one row', () => {
    // At t=1 the risk set holds all three rows, R ≈ exp(1000): log R − η_0 = 2000. At t=2 only
    // row 2 is at risk: log exp(−1000) − (−1000) = 0. The mean over the two events is 1000.
    const { loss, gradient } = coxLoss([-1000, 1000, -1000], [1, 1.5, 2], [1, 0, 1]);
    expect(loss).toBeCloseTo(1000, 9);
    expect([...gradient]).toEqual([-0.5, 0.5, 0]);
  });

  it.each(MODES)(
    '%s / %s: adding a constant to every log-hazard changes nothing',
    (ties, riskSet) => {
      const { eta, durations, events } = randomData(41, 150, 6, 0.5, 3);
      const base = coxLoss(eta, durations, events, { ties, riskSet });
      for (const shift of [-1000, -37.5, 12.25, 800]) {
        const shifted = coxLoss(
          eta.map((x) => x + shift),
          durations,
          events,
          { ties, riskSet },
        );
        expect(Math.abs(shifted.loss - base.loss)).toBeLessThan(1e-9);
        expect(maxAbsDiff(shifted.gradient, base.gradient)).toBeLessThan(1e-9);
      }
    },
  );
});

describe('CoxTarget', () => {
  it('precomputes once and gives coxLoss results on every call', () => {
    const { eta, durations, events } = randomData(51, 80, 5);
    const target = new CoxTarget(durations, events, { ties: 'efron' });
    expect(target.n).toBe(80);
    expect(target.nEvents).toBe(events.filter((e) => e === 1).length);
    const expected = coxLoss(eta, durations, events, { ties: 'efron' });
    const gradient = new Float64Array(80).fill(Number.NaN);
    for (let call = 0; call < 3; call++) {
      expect(target.lossAndGradient(eta, gradient)).toBe(expected.loss);
      expect([...gradient]).toEqual([...expected.gradient]);
    }
    // Another η on the same target, then the first again: nothing stale is kept.
    const other = eta.map((x) => -2 * x);
    expect(target.lossAndGradient(other, gradient)).toBe(
      coxLoss(other, durations, events, { ties: 'efron' }).loss,
    );
    expect(target.lossAndGradient(eta, gradient)).toBe(expected.loss);
  });

  it('writes float32 gradients', () => {
    const { eta, durations, events } = randomData(52, 30, 4);
    const target = new CoxTarget(durations, events);
    const gradient = new Float32Array(30);
    const loss = target.lossAndGradient(Float32Array.from(eta), gradient);
    const expected = coxLoss(Float32Array.from(eta), durations, events);
    expect(loss).toBe(expected.loss);
    expect([...gradient]).toEqual([...Float32Array.from(expected.gradient)]);
  });

  it('defaults to Breslow ties and standard risk sets', () => {
    const target = new CoxTarget([1, 2], [1, 0]);
    expect(target.ties).toBe('breslow');
    expect(target.riskSet).toBe('standard');
    // Breslow and Efron differ only with tied events.
    const eta = [0.3, -0.2, 0.9];
    const durations = [1, 1, 2];
    const events = [1, 1, 0];
    expect(coxLoss(eta, durations, events).loss).toBe(
      coxLoss(eta, durations, events, { ties: 'breslow', riskSet: 'standard' }).loss,
    );
    expect(coxLoss(eta, durations, events).loss).not.toBeCloseTo(
      coxLoss(eta, durations, events, { ties: 'efron' }).loss,
      3,
    );
  });

  it('defines the loss as 0 with a zero gradient when there is no event', () => {
    const target = new CoxTarget([3, 1, 2], [0, 0, 0]);
    expect(target.nEvents).toBe(0);
    const gradient = new Float64Array([5, 5, 5]);
    expect(target.lossAndGradient([1, 2, 3], gradient)).toBe(0);
    expect([...gradient]).toEqual([0, 0, 0]);
    const { loss, gradient: g } = coxLoss([1, 2, 3], [3, 1, 2], [0, 0, 0], { ties: 'efron' });
    expect(loss).toBe(0);
    expect([...g]).toEqual([0, 0, 0]);
  });

  it('handles a single row and a single event', () => {
    // One event whose risk set is itself: log(exp(η)) − η = 0, gradient 0.
    const { loss, gradient } = coxLoss([2.5], [4], [1]);
    expect(loss).toBe(0);
    expect([...gradient]).toEqual([0]);
  });
});

describe('coxLoss input checks', () => {
  it('rejects empty input', () => {
    const error = thrown(ModelError, () => coxLoss([], [], []));
    expect(error.code).toBe('EMPTY');
    expect(error.message).toBe(
      'coxLoss: logHazard, durations, events are empty; at least one row is needed.',
    );
    expect(thrown(ModelError, () => new CoxTarget([], [])).code).toBe('EMPTY');
  });

  it('rejects arguments of different lengths, naming each length', () => {
    const error = thrown(ModelError, () => coxLoss([1, 2, 3], [1, 2], [1, 0, 1]));
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.message).toBe(
      'coxLoss: logHazard, durations, events must have the same length, but logHazard has 3, durations has 2, events has 3.',
    );
    expect(thrown(ModelError, () => new CoxTarget([1, 2], [1])).message).toBe(
      'CoxTarget: durations, events must have the same length, but durations has 2, events has 1.',
    );
  });

  it('rejects a logHazard or gradient of the wrong length in lossAndGradient', () => {
    const target = new CoxTarget([1, 2, 3], [1, 0, 1]);
    const eta = thrown(ModelError, () => target.lossAndGradient([1, 2], new Float64Array(3)));
    expect(eta.code).toBe('SHAPE_MISMATCH');
    expect(eta.message).toBe(
      'CoxTarget.lossAndGradient: logHazard has 2 values, but the target has 3 rows.',
    );
    const gradient = thrown(ModelError, () =>
      target.lossAndGradient([1, 2, 3], new Float32Array(4)),
    );
    expect(gradient.code).toBe('SHAPE_MISMATCH');
    expect(gradient.message).toBe(
      'CoxTarget.lossAndGradient: gradient has 4 values, but the target has 3 rows.',
    );
  });

  it('rejects a non-array argument', () => {
    const error = thrown(ModelError, () => coxLoss(null as unknown as number[], [1], [1]));
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.message).toBe('coxLoss: logHazard must be an array of numbers, got null.');
  });

  it('rejects NaN and infinite log-hazards and durations, naming argument and index', () => {
    const nan = thrown(ModelError, () => coxLoss([0, Number.NaN, 1], [1, 2, 3], [1, 1, 1]));
    expect(nan.code).toBe('NON_FINITE');
    expect(nan.message).toBe('coxLoss: logHazard[1] is NaN; it must be finite.');
    const inf = thrown(ModelError, () =>
      coxLoss([0, 1, 2], [1, 2, Number.POSITIVE_INFINITY], [1, 1, 1]),
    );
    expect(inf.code).toBe('NON_FINITE');
    expect(inf.message).toBe('coxLoss: durations[2] is Infinity; it must be finite.');
    const target = new CoxTarget([1, 2], [1, 1]);
    const hot = thrown(ModelError, () =>
      target.lossAndGradient([Number.NEGATIVE_INFINITY, 0], new Float64Array(2)),
    );
    expect(hot.code).toBe('NON_FINITE');
    expect(hot.message).toBe(
      'CoxTarget.lossAndGradient: logHazard[0] is -Infinity; it must be finite.',
    );
  });

  it('rejects negative durations and events other than 0 and 1, naming index and value', () => {
    const negative = thrown(ModelError, () => coxLoss([0, 0], [1, -0.5], [1, 0]));
    expect(negative.code).toBe('INVALID_SURVIVAL');
    expect(negative.message).toBe('coxLoss: durations[1] is -0.5; it must be >= 0.');
    const two = thrown(ModelError, () => coxLoss([0, 0, 0], [1, 2, 3], [1, 0, 2]));
    expect(two.code).toBe('INVALID_SURVIVAL');
    expect(two.message).toBe('coxLoss: events[2] is 2; it must be 0 (censored) or 1 (event).');
    const half = thrown(ModelError, () => new CoxTarget([1, 2], [0.5, 1]));
    expect(half.code).toBe('INVALID_SURVIVAL');
    expect(half.message).toBe('CoxTarget: events[0] is 0.5; it must be 0 (censored) or 1 (event).');
    // Zero durations are valid.
    expect(coxLoss([0, 1], [0, 0], [1, 1]).loss).toBeGreaterThan(0);
  });

  it('rejects unknown options', () => {
    const error = thrown(ModelError, () =>
      coxLoss([0], [1], [1], { tie: 'efron' } as unknown as CoxOptions),
    );
    expect(error.code).toBe('UNKNOWN_OPTION');
    expect(error.message).toBe(
      "Unknown option 'tie' for coxLoss (did you mean 'ties'?). Known options: ties, riskSet.",
    );
  });

  it('rejects bad option values', () => {
    const ties = thrown(ModelError, () =>
      coxLoss([0], [1], [1], { ties: 'exact' } as unknown as CoxOptions),
    );
    expect(ties.code).toBe('INVALID_OPTION');
    expect(ties.message).toBe("coxLoss: ties must be one of 'breslow', 'efron', got 'exact'.");
    const riskSet = thrown(
      ModelError,
      () => new CoxTarget([1], [1], { riskSet: 1 } as unknown as CoxOptions),
    );
    expect(riskSet.code).toBe('INVALID_OPTION');
    expect(riskSet.message).toBe(
      "CoxTarget: riskSet must be one of 'standard', 'upstream', got 1.",
    );
    const notObject = thrown(ModelError, () =>
      coxLoss([0], [1], [1], null as unknown as CoxOptions),
    );
    expect(notObject.code).toBe('INVALID_OPTION');
    expect(notObject.message).toBe('The options of coxLoss must be an object, got null.');
  });
});
