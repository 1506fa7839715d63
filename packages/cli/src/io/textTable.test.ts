import { describe, expect, it } from 'vitest';
import { alignColumns, firstStepPerCount } from './textTable.js';

describe('alignColumns', () => {
  it('right-aligns every column under a rule as wide as its widest cell', () => {
    expect(
      alignColumns([
        ['k', 'lambda'],
        ['10', '0.5'],
        ['3', '12.25'],
      ]),
    ).toBe(' k  lambda\n--  ------\n10     0.5\n 3   12.25');
  });
});

describe('firstStepPerCount', () => {
  it('keeps the first step with each number of features, in path order', () => {
    const steps = [5, 5, 3, 3, 3, 1, 0].map((nSelected, t) => ({ nSelected, t }));
    expect(firstStepPerCount(steps)).toEqual([
      { nSelected: 5, t: 0 },
      { nSelected: 3, t: 2 },
      { nSelected: 1, t: 5 },
      { nSelected: 0, t: 6 },
    ]);
  });
});
