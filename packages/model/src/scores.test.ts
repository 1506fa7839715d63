import { describe, expect, it } from 'vitest';
import { accuracy, ModelError, r2Score } from './index.js';

describe('scores', () => {
  it('accuracy is the fraction of exact hits', () => {
    expect(accuracy([0, 1, 2, 1], [0, 2, 2, 1])).toBe(0.75);
    expect(() => accuracy([0, 1], [0])).toThrow(/yTrue has 2 values but yPred has 1/);
    expect(() => accuracy([], [])).toThrow(ModelError);
  });

  it('R² is 1 - SS_res/SS_tot, averaged over outputs', () => {
    const y = [1, 2, 3, 4];
    expect(r2Score(y, y)).toBe(1);
    expect(r2Score(y, [2.5, 2.5, 2.5, 2.5])).toBe(0);
    // SS_res = 0.25·4 = 1, SS_tot = 5.
    expect(r2Score(y, [1.5, 2.5, 3.5, 4.5])).toBeCloseTo(0.8, 12);
    const two = r2Score(
      [
        [1, 10],
        [2, 20],
        [3, 30],
        [4, 40],
      ],
      [
        [1.5, 10],
        [2.5, 20],
        [3.5, 30],
        [4.5, 40],
      ],
    );
    expect(two).toBeCloseTo((0.8 + 1) / 2, 12);
    // A constant target: 1 when predicted exactly, else 0 (no division by zero).
    expect(r2Score([3, 3], [3, 3])).toBe(1);
    expect(r2Score([3, 3], [2, 3])).toBe(0);
    expect(() => r2Score([1, 2], [1, Number.NaN])).toThrow(/yPred\[1\] holds NaN/);
    expect(() => r2Score([1, 2], [1])).toThrow(ModelError);
  });
});
