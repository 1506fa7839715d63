import { describe, expect, it } from 'vitest';
import { loadMiceSplit } from '../index.node.js';
import { miceText } from '../test-utils/miceText.js';
import { miceSplit } from './miceSplit.js';
import { parseMice } from './parseMice.js';

const data = parseMice(miceText());

describe('miceSplit: the seed demo protocol', () => {
  const split = miceSplit(data, { seed: 0 });

  it('holds out 20% of the rows, each row once, labels following their rows', () => {
    expect(split.XTrain).toHaveLength(864);
    expect(split.XTest).toHaveLength(216);
    const all = [...split.trainIndex, ...split.testIndex].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1080 }, (_, i) => i));
    expect(split.yTrain).toEqual(split.trainIndex.map((i) => data.y[i]));
    expect(split.yTest).toEqual(split.testIndex.map((i) => data.y[i]));
  });

  it('scales with the training rows only: each training column spans exactly [0, 1]', () => {
    for (let c = 0; c < 77; c++) {
      const column = split.XTrain.map((row) => row[c] as number);
      expect(Math.min(...column)).toBe(0);
      expect(Math.max(...column)).toBeCloseTo(1, 12);
      const raw = split.trainIndex.map((i) => data.X[i]?.[c] as number);
      expect(split.scaler.min[c]).toBe(Math.min(...raw));
      expect(split.scaler.max[c]).toBe(Math.max(...raw));
    }
    // Test rows use the training minima and maxima.
    const [row] = split.testIndex;
    const c = 5;
    const expected =
      ((data.X[row as number]?.[c] as number) - (split.scaler.min[c] as number)) /
      ((split.scaler.max[c] as number) - (split.scaler.min[c] as number));
    expect(split.XTest[0]?.[c]).toBeCloseTo(expected, 12);
  });

  it('the same seed gives the same split, another seed another', () => {
    expect(miceSplit(data, { seed: 0 }).testIndex).toEqual(split.testIndex);
    expect(miceSplit(data, { seed: 1 }).testIndex).not.toEqual(split.testIndex);
  });

  it('loadMiceSplit does it in one call, passing the rest to loadMice', async () => {
    const loaded = await loadMiceSplit({ source: 'package', seed: 1, testSize: 0.25 });
    const direct = miceSplit(data, { seed: 1, testSize: 0.25 });
    expect(loaded.source.kind).toBe('package');
    expect(loaded.testIndex).toEqual(direct.testIndex);
    expect(loaded.XTrain).toEqual(direct.XTrain);
    expect(loaded.XTest).toHaveLength(270);
  });

  it('checks the split options, before loading anything', async () => {
    await expect(loadMiceSplit({ path: '/no/such/file', seed: 0.5 })).rejects.toThrow(
      /^loadMiceSplit: seed must be an integer with \|seed\| < 2\^53, got 0.5\.$/,
    );
    expect(() => miceSplit(data, { testSize: 0 })).toThrow(/miceSplit: testSize must be/);
  });
});
