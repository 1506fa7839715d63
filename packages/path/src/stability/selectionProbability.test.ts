import { describe, expect, it } from 'vitest';
import { type SelectionStep, selectionProbability } from './selectionProbability.js';

const steps = (...rows: string[]): SelectionStep[] =>
  rows.map((row) => ({ selected: [...row].map((c) => c === '1') }));

describe('selectionProbability', () => {
  it('counts the models selecting each feature per lambda, skipping the dense step', () => {
    // The dense steps differ on purpose: they must not count.
    const a = steps('000', '110', '110', '100');
    const b = steps('111', '111', '101', '000');
    expect(selectionProbability([a, b], 3, 3)).toEqual([
      [1, 1, 0.5],
      [1, 0.5, 0.5],
      [0.5, 0, 0],
    ]);
  });

  it('makes each feature non-increasing along the path (running minimum)', () => {
    // Feature 2 comes back at t = 1 in model a, feature 0 at t = 2 in both.
    const a = steps('111', '110', '101', '100');
    const b = steps('111', '111', '111', '100');
    const c = steps('111', '011', '011', '100');
    const d = steps('111', '111', '011', '100');
    // Raw fractions: t0 [3/4, 1, 3/4], t1 [2/4, 3/4, 1], t2 [1, 0, 0].
    expect(selectionProbability([a, b, c, d], 3, 3)).toEqual([
      [0.75, 1, 0.75],
      [0.5, 0.75, 0.75],
      [0.5, 0, 0],
    ]);
  });

  it('counts a path that ended early as selecting nothing afterwards, and ignores extra steps', () => {
    const ended = steps('11', '11');
    const long = steps('11', '11', '11', '11', '11');
    expect(selectionProbability([ended, long], 3, 2)).toEqual([
      [1, 1],
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
  });

  it('gives no rows for no lambdas', () => {
    expect(selectionProbability([steps('11')], 0, 2)).toEqual([]);
  });
});
