import { describe, expect, it } from 'vitest';
import { EarlyStopping } from './earlyStopping.js';

/** The value update() returns for each value, in order. */
function run(stopper: EarlyStopping, values: readonly number[]): boolean[] {
  const stops: boolean[] = [];
  for (const v of values) stops.push(stopper.update(v));
  return stops;
}

describe('EarlyStopping', () => {
  it('an epoch improves only when its value is strictly below tol · best', () => {
    // tol 0.5, best 10: the threshold is 5.
    const atThreshold = new EarlyStopping(10, 0.5, 5);
    atThreshold.update(5);
    expect(atThreshold.epochsWithoutImprovement).toBe(1);

    const below = new EarlyStopping(10, 0.5, 5);
    below.update(4.999);
    expect(below.epochsWithoutImprovement).toBe(0);

    // Lower than the best but not by the factor tol: no improvement.
    const small = new EarlyStopping(10, 0.5, 5);
    small.update(6);
    expect(small.epochsWithoutImprovement).toBe(1);
  });

  it('compares with the best value so far, not with the initial one', () => {
    const stopper = new EarlyStopping(10, 0.5, 5);
    stopper.update(4); // best is now 4, threshold 2
    expect(stopper.epochsWithoutImprovement).toBe(0);
    stopper.update(3); // below 10·0.5 but not below 4·0.5
    expect(stopper.epochsWithoutImprovement).toBe(1);
    stopper.update(1.9);
    expect(stopper.epochsWithoutImprovement).toBe(0);
  });

  it('stops after patience epochs in a row without improvement', () => {
    expect(run(new EarlyStopping(1, 0.99, 3), [2, 2, 2])).toEqual([false, false, true]);
    expect(run(new EarlyStopping(1, 0.99, 1), [5])).toEqual([true]);
    // A worse value counts as an epoch without improvement just as an equal one does.
    const stopper = new EarlyStopping(1, 0.99, 2);
    expect(run(stopper, [1, 100])).toEqual([false, true]);
    expect(stopper.epochsWithoutImprovement).toBe(2);
  });

  it('keeps saying stop once patience is exhausted', () => {
    const stopper = new EarlyStopping(1, 0.99, 2);
    expect(run(stopper, [1, 1, 1, 1])).toEqual([false, true, true, true]);
    expect(stopper.epochsWithoutImprovement).toBe(4);
  });

  it('resets the counter on improvement', () => {
    const stopper = new EarlyStopping(100, 0.99, 3);
    // two bad epochs, an improvement, then three bad epochs: stops on the last only.
    const stops = run(stopper, [100, 100, 50, 50, 50, 50]);
    expect(stops).toEqual([false, false, false, false, false, true]);
    // The counter read back after each update.
    const counts: number[] = [];
    const again = new EarlyStopping(100, 0.99, 3);
    for (const v of [100, 100, 50, 50, 10, 10]) {
      again.update(v);
      counts.push(again.epochsWithoutImprovement);
    }
    expect(counts).toEqual([1, 2, 0, 1, 0, 1]);
  });

  it('tol = 1 counts any decrease; tol = 0.99 needs a decrease of more than 1%', () => {
    const values = [9.95, 9.93, 9.91];
    const loose = new EarlyStopping(10, 1, 2);
    expect(run(loose, values)).toEqual([false, false, false]);
    expect(loose.epochsWithoutImprovement).toBe(0);

    // Every value stays above 0.99 · 10 = 9.9: the best stays 10 and none improves.
    const strict = new EarlyStopping(10, 0.99, 2);
    expect(run(strict, values)).toEqual([false, true, true]);

    // Even with tol = 1 an equal value is not an improvement.
    const equal = new EarlyStopping(10, 1, 1);
    expect(equal.update(10)).toBe(true);
  });

  it('starts with no epoch without improvement', () => {
    expect(new EarlyStopping(1, 0.99, 10).epochsWithoutImprovement).toBe(0);
  });

  it('never stops with patience Infinity', () => {
    const stopper = new EarlyStopping(1, 0.99, Number.POSITIVE_INFINITY);
    const stops = run(
      stopper,
      Array.from({ length: 10_000 }, () => 2),
    );
    expect(stops.some(Boolean)).toBe(false);
    expect(stopper.epochsWithoutImprovement).toBe(10_000);
  });

  it('an infinite initial value is improved on by any finite value', () => {
    const stopper = new EarlyStopping(Number.POSITIVE_INFINITY, 0.99, 1);
    expect(stopper.update(1e30)).toBe(false);
    expect(stopper.epochsWithoutImprovement).toBe(0);
    expect(stopper.update(1e30)).toBe(true);
  });
});
