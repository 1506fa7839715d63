import { expect } from 'vitest';
import { describeReadmeExample } from './readmeExampleTest.js';

describeReadmeExample(
  'path',
  'the relevant features outlast the noise, refitting helps',
  (stdout, lines) => {
    expect(lines[0]).toBe('lambda 0.00: 10 features');
    const counts = lines
      .filter((line) => line.startsWith('lambda '))
      .map((line) => Number(/: (\d+) features$/.exec(line)?.[1]));
    expect(counts.length).toBeGreaterThan(3);
    const ranking = /^features by importance: ([\d, ]+)$/m
      .exec(stdout)?.[1]
      ?.split(', ')
      .map(Number);
    // Friedman's y: features 3 and 0, 1 (linear and product terms) matter most; 5-9 are noise.
    expect(ranking?.slice(0, 3).sort()).toEqual([0, 1, 3]);
    expect(ranking?.slice(5).sort()).toEqual([5, 6, 7, 8, 9]);
    const r2 = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1]);
    const dense = r2(/^10 features \([\d, ]+\): test R² (\d\.\d\d)$/m);
    const five = r2(/^5 features \(0, 1, 2, 3, 4\): test R² (\d\.\d\d)$/m);
    const refit = r2(/^refit on 5 features: test R² (\d\.\d\d)$/m);
    expect(dense).toBeGreaterThan(0.85);
    expect(five).toBeGreaterThan(0.6);
    expect(refit).toBeGreaterThan(five);
  },
  120_000,
);
