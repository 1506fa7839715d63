import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  exampleArgs,
  filesIn,
  INFORMATIVE,
  lassonet,
  lastJson,
  QUICK,
  tempDir,
} from '../test-utils/runBuilt.js';

interface StabilitySummary {
  command: string;
  order: string[];
  oracle: number;
  features: string[];
  probabilities: Record<string, number[]>;
}

describe('lassonet stability on the regression example', () => {
  it('ranks the informative columns first and writes the ranking and the curves', () => {
    const out = tempDir();
    const run = lassonet([
      'stability',
      ...exampleArgs('regression', 'mean'),
      '--models',
      '6',
      '--concurrency',
      '2',
      '--out',
      out,
      '--json',
      ...QUICK,
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const summary = lastJson<StabilitySummary>(run.stdout);
    expect(summary.command).toBe('stability');
    expect(summary.order.slice(0, 3).sort()).toEqual(INFORMATIVE);
    expect([...summary.order].sort()).toEqual([...summary.features].sort());
    expect(summary.oracle).toBeGreaterThanOrEqual(1);
    expect(filesIn(out)).toEqual(['stability.csv', 'stability.json', 'stability.png']);
    const saved = JSON.parse(readFileSync(join(out, 'stability.json'), 'utf8'));
    expect(saved.order).toEqual(summary.order);
    expect(saved.wrong).toHaveLength(summary.features.length);
    // One probability per lambda of the grid, never increasing along it.
    for (const name of summary.features) {
      const p = saved.probabilities[name] as number[];
      expect(p).toHaveLength(saved.lambdas.length);
      p.forEach((value, t) => {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        if (t > 0) expect(value).toBeLessThanOrEqual(p[t - 1] as number);
      });
    }
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(join(out, 'stability.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows.map((r) => r.feature)).toEqual(summary.order);
    expect(rows.filter((r) => r.selected === 'true')).toHaveLength(summary.oracle);
  });
});
