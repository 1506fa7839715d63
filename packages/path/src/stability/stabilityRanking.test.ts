import { describe, expect, it } from 'vitest';
import { stabilityRanking } from './stabilityRanking.js';

const INF = Number.POSITIVE_INFINITY;

describe('stabilityRanking', () => {
  it('orders the features by expected wrong selections, ties by index, and keeps up to the largest jump', () => {
    // Sorted: 0.1 (1), 0.1 (3), 0.4 (4), 2 (0), Infinity (2); ratios 1, 4, 5, Infinity.
    expect(stabilityRanking([2, 0.1, INF, 0.1, 0.4])).toEqual({
      order: [1, 3, 4, 0, 2],
      wrong: [0.1, 0.1, 0.4, 2, INF],
      oracle: 4,
    });
  });

  it('picks the largest finite ratio when every feature has a finite value', () => {
    // Ratios 3, 1.5, 10/3 (just above 3): the third wins.
    expect(stabilityRanking([0.2, 0.9, 3, 0.6]).oracle).toBe(3);
    // Equal ratios: the first wins.
    expect(stabilityRanking([0.1, 0.2, 0.4, 0.8]).oracle).toBe(1);
  });

  it('keeps nothing when the most stable feature expects more than 1/2 wrong selection', () => {
    expect(stabilityRanking([0.6, 1, 2])).toEqual({
      order: [0, 1, 2],
      wrong: [0.6, 1, 2],
      oracle: 0,
    });
    expect(stabilityRanking([0.5, 5]).oracle).toBe(1);
  });

  it('keeps nothing when every value is Infinity', () => {
    expect(stabilityRanking([INF, INF, INF])).toEqual({
      order: [0, 1, 2],
      wrong: [INF, INF, INF],
      oracle: 0,
    });
  });

  it('skips the ratios of two infinities', () => {
    // Ratios 2, 2, Infinity, NaN: the jump to Infinity.
    expect(stabilityRanking([0.1, 0.2, 0.4, INF, INF]).oracle).toBe(3);
  });

  it('treats a ratio over 0 as Infinity and 0/0 as no ratio', () => {
    // Ratios 0/0 (skipped), 0.3/0 = Infinity.
    expect(stabilityRanking([0, 0, 0.3]).oracle).toBe(2);
    // Only 0/0: nothing to go by, every feature is kept.
    expect(stabilityRanking([0, 0]).oracle).toBe(2);
  });

  it('handles one feature and none', () => {
    expect(stabilityRanking([0.2])).toEqual({ order: [0], wrong: [0.2], oracle: 1 });
    expect(stabilityRanking([0.7]).oracle).toBe(0);
    expect(stabilityRanking([])).toEqual({ order: [], wrong: [], oracle: 0 });
  });
});
