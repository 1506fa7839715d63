import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../preprocess/spec.js';
import { mergeGroups } from './groupsFile.js';

const numeric = (name: string): ColumnSpec => ({
  name,
  type: 'numeric',
  center: 0,
  scale: 1,
  fill: null,
});
// a, b numeric; color one-hot into features 2..4; d numeric.
const columns: ColumnSpec[] = [
  numeric('a'),
  numeric('b'),
  { name: 'color', type: 'categorical', categories: ['blue', 'green', 'red'], fill: null },
  numeric('d'),
];
const columnGroups = [[0], [1], [2, 3, 4], [5]];

describe('mergeGroups', () => {
  it('joins the columns of each line, keeping one-hot features together', () => {
    expect(mergeGroups('a, d\n', columns, columnGroups, 'g.txt')).toEqual([[0, 5], [1], [2, 3, 4]]);
    expect(mergeGroups('# comment\n\nb,color\n', columns, columnGroups, 'g.txt')).toEqual([
      [0],
      [1, 2, 3, 4],
      [5],
    ]);
    expect(mergeGroups('', columns, columnGroups, 'g.txt')).toEqual(columnGroups);
  });

  it('rejects an unknown column, with the nearest name, and a column in two groups', () => {
    expect(() => mergeGroups('a,colour', columns, columnGroups, 'g.txt')).toThrow(
      "g.txt line 1: 'colour' is not a feature column (did you mean 'color'?).",
    );
    expect(() => mergeGroups('a,b\nb,d', columns, columnGroups, 'g.txt')).toThrow(
      "g.txt line 2: 'b' is already in the group of line 1; a column belongs to one group.",
    );
  });
});
