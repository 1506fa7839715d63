import { expect } from 'vitest';
import { describeReadmeExample } from './readmeExampleTest.js';

describeReadmeExample(
  'model',
  'the noise features leave before the relevant ones',
  (_stdout, lines) => {
    expect(lines[0]).toMatch(/^dense: loss 0\.0\d\d, 10 features$/);
    const order = lines.slice(1, -1).flatMap((line) => {
      const match =
        /^lambda \d+\.\d{3}: feature ([\d, ]+) left; (\d+) remain, loss \d\.\d{3}$/.exec(line);
      expect(match, line).not.toBeNull();
      return (match?.[1] ?? '').split(', ').map(Number);
    });
    expect(order).toHaveLength(10);
    expect(order.slice(0, 5).sort()).toEqual([5, 6, 7, 8, 9]);
    expect(order.slice(5).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(lines.at(-1)).toBe('restored the 5-feature model: features 0, 1, 2, 3, 4');
  },
);
