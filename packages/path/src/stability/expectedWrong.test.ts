import { describe, expect, it } from 'vitest';
import { expectedWrong } from './expectedWrong.js';

const INF = Number.POSITIVE_INFINITY;

describe('expectedWrong', () => {
  it('is d·q²/(2p − 1) above 1/2, Infinity at or below it, the lowest over the steps', () => {
    // d = 4. t0: q = 3/4, so p = 1 gives 4·(9/16) = 2.25. t1: q = 1/2: p = 1 gives 1, p = 3/4
    // gives 4·(1/4)/(1/2) = 2. Features 2 and 3 never exceed 1/2 (0.5 itself does not count).
    const prob = [
      [1, 1, 0.5, 0.5],
      [1, 0.75, 0.25, 0],
    ];
    expect(expectedWrong(prob)).toEqual([1, 2, INF, INF]);
  });

  it('keeps an earlier step when it is the lower one', () => {
    // d = 2. t0: q = 0.95: 2·0.9025/1 = 1.805 and 2·0.9025/0.8 = 2.25625. t1: q = 0.6: both
    // 2·0.36/0.2 = 3.6, higher.
    const wrong = expectedWrong([
      [1, 0.9],
      [0.6, 0.6],
    ]);
    expect(wrong[0]).toBeCloseTo(1.805, 12);
    expect(wrong[1]).toBeCloseTo(2.25625, 12);
  });

  it('is Infinity for every feature when no probability exceeds 1/2, and [] without steps', () => {
    expect(expectedWrong([[0.5, 0.2, 0]])).toEqual([INF, INF, INF]);
    expect(expectedWrong([])).toEqual([]);
  });
});
