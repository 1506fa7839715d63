import { readFileSync } from 'node:fs';
import { parseCsvTable } from '@lassonet/datasets';
import { describe, expect, it } from 'vitest';
import { exampleTables } from '../scripts/make-examples.mjs';

const FEATURES = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'color'];
const TABLES = {
  regression: ['y'],
  classification: ['label'],
  survival: ['time', 'event'],
} as const;

const generated = exampleTables();

describe('the example tables', () => {
  for (const [name, targets] of Object.entries(TABLES) as [
    keyof typeof TABLES,
    readonly string[],
  ][]) {
    it(`${name}.csv is what scripts/make-examples.mjs writes`, () => {
      const file = readFileSync(new URL(`../examples/${name}.csv`, import.meta.url), 'utf8');
      expect(file).toBe(generated[name]);
    });

    it(`${name}.csv has 300 rows, an id, x1..x10, color, its targets, and ~2% empty features`, () => {
      const { columns, rows } = parseCsvTable(generated[name]);
      expect(columns).toEqual(['id', ...FEATURES, ...targets]);
      expect(rows).toHaveLength(300);
      expect(rows.map((row) => row[0])).toEqual(
        Array.from({ length: 300 }, (_, i) => `s${String(i + 1).padStart(3, '0')}`),
      );
      const features = rows.flatMap((row) => row.slice(1, 1 + FEATURES.length));
      const share = features.filter((cell) => cell === '').length / features.length;
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.03);
      // Only feature cells are emptied.
      const others = rows.flatMap((row) => [row[0], ...row.slice(1 + FEATURES.length)]);
      expect(others.filter((cell) => cell === '')).toEqual([]);
      const colors = new Set(rows.map((row) => row[FEATURES.length]).filter((cell) => cell !== ''));
      expect([...colors].sort()).toEqual(['blue', 'green', 'red']);
    });
  }

  it('has the targets the README describes', () => {
    const label = parseCsvTable(generated.classification).rows.map((row) => row[12]);
    const high = label.filter((value) => value === 'high').length;
    expect(label.every((value) => value === 'high' || value === 'low')).toBe(true);
    expect(high).toBeGreaterThan(100);
    expect(high).toBeLessThan(200);
    const survival = parseCsvTable(generated.survival).rows;
    expect(survival.every((row) => Number(row[12]) > 0)).toBe(true);
    const censored = survival.filter((row) => row[13] === '0').length / survival.length;
    expect(survival.every((row) => row[13] === '0' || row[13] === '1')).toBe(true);
    expect(censored).toBeGreaterThan(0.15);
    expect(censored).toBeLessThan(0.35);
  });

  it('depends on the seed', () => {
    expect(exampleTables(1).regression).not.toBe(generated.regression);
    expect(exampleTables(0)).toEqual(generated);
  });
});
