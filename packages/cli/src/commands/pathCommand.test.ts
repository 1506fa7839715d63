import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import type { CommandSummary } from './context.js';
import { bestStep, type PathStepRecord } from './pathCommand.js';

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** What `lassonet path --json` prints: every command's summary, plus the steps. */
type PathSummary = CommandSummary & { steps: PathStepRecord[]; bestStep: number };

const TASKS = [
  { task: 'regression', file: 'regression' },
  { task: 'classification', file: 'classification' },
  { task: 'cox', file: 'survival' },
] as const;

describe('lassonet path, run as a user would', () => {
  for (const { task, file } of TASKS) {
    it(`finds the three informative columns of the ${task} example`, () => {
      const out = tempDir();
      const run = lassonet(['path', ...exampleArgs(file), '--out', out, '--json', ...QUICK]);
      expect(run.stderr).not.toMatch(/Error|warning/);
      expect(run.code).toBe(0);
      // With --json, stdout is the summary alone.
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      const summary = lastJson<PathSummary>(run.stdout);
      expect(summary.command).toBe('path');
      expect(summary.task).toBe(task);
      expect(summary.nRows).toBe(300);
      // Ten numeric columns and the three one-hot columns of the text column `color`.
      expect(summary.features).toEqual([
        'x1',
        'x2',
        'x3',
        'x4',
        'x5',
        'x6',
        'x7',
        'x8',
        'x9',
        'x10',
        'color=blue',
        'color=green',
        'color=red',
      ]);
      // The path runs from every feature to none.
      expect(summary.steps[0]?.lambda).toBe(0);
      expect(summary.steps[0]?.nSelected).toBe(13);
      expect(summary.steps.at(-1)?.nSelected).toBe(0);
      const small = summary.steps.filter((s) => s.nSelected > 0 && s.nSelected <= 3);
      expect(small.map((s) => s.selected)).toContainEqual(INFORMATIVE);
      // The one-hot columns of a text column enter and leave together.
      for (const s of summary.steps) {
        const colors = s.selected.filter((name) => name.startsWith('color='));
        expect([0, 3]).toContain(colors.length);
      }
      expect(filesIn(out)).toEqual([
        'importances.csv',
        'importances.png',
        'model.json',
        'path.csv',
        'path.json',
        'path.png',
      ]);
      expect(summary.outputs.map((p) => p.slice(out.length + 1)).sort()).toEqual(filesIn(out));
      const saved = JSON.parse(readFileSync(join(out, 'path.json'), 'utf8'));
      expect(saved.steps).toEqual(summary.steps);
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'path.csv'), 'utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.data).toHaveLength(summary.steps.length);
      expect(Number(csv.data[1]?.lambda)).toBe(summary.steps[1]?.lambda);
      expect(csv.data[1]?.selected).toBe(summary.steps[1]?.selected.join(';'));
      for (const png of ['path.png', 'importances.png']) {
        expect([...readFileSync(join(out, png)).subarray(0, 4)]).toEqual(PNG);
      }
      // Features that leave last rank first.
      const ranks = Papa.parse<Record<string, string>>(
        readFileSync(join(out, 'importances.csv'), 'utf8'),
        { header: true, skipEmptyLines: true },
      ).data;
      expect(
        ranks
          .slice(0, 3)
          .map((r) => r.feature)
          .sort(),
      ).toEqual(INFORMATIVE);
      // The model is the step with the best validation score.
      const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
      expect(model.format).toBe('lassonet-model');
      expect(model.version).toBe(1);
      expect(model.selected).toEqual(summary.steps[summary.bestStep]?.selected);
      expect(model.preprocessing.dropped).toEqual(['id']);
    });
  }

  it('prints the path as a table without --json, and writes nothing to stdout but notes', () => {
    const out = tempDir();
    const run = lassonet(['path', ...exampleArgs('regression', 'median'), '--out', out, ...QUICK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^features\s+lambda\s+validation r²/m);
    expect(run.stdout).toMatch(/Saved model: the best Validation R²/);
    expect(run.stdout).toContain(`Wrote ${join(out, 'path.json')}`);
    expect(existsSync(join(out, 'model.json'))).toBe(true);
  });
});

describe('lassonet path --groups', () => {
  it('keeps the columns of a group together along the whole path', () => {
    const dir = tempDir();
    const groups = join(dir, 'groups.txt');
    writeFileSync(groups, '# two noise columns that enter and leave together\nx4, x5\n');
    const run = lassonet([
      'path',
      ...exampleArgs('regression', 'mean'),
      '--groups',
      groups,
      '--out',
      dir,
      '--json',
      ...QUICK,
    ]);
    expect(run.code).toBe(0);
    const { steps } = lastJson<PathSummary>(run.stdout);
    for (const s of steps) {
      expect(s.selected.includes('x4')).toBe(s.selected.includes('x5'));
    }
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    // Features 3 and 4 (x4, x5) form one group, the one-hot columns 10..12 another.
    expect(model.preprocessing.groups).toContainEqual([3, 4]);
    expect(model.preprocessing.groups).toContainEqual([10, 11, 12]);
    expect(model.estimator.options.groups).toEqual(model.preprocessing.groups);
  });
});

describe('lassonet path --l2', () => {
  it('saves the L2 options with the model, as the estimator takes them', () => {
    const dir = tempDir();
    const run = lassonet([
      'path',
      ...exampleArgs('classification'),
      '--gamma',
      '1',
      '--gamma-skip',
      '0.5',
      '--l2',
      'objective-only',
      '--out',
      dir,
      '--json',
      ...QUICK,
    ]);
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(model.estimator.options).toMatchObject({
      gamma: 1,
      gammaSkip: 0.5,
      l2: 'objective-only',
    });
  });
});

describe('bestStep', () => {
  it('takes the highest score, the later (sparser) step on ties, and skips NaN', () => {
    expect(bestStep([0.5, 0.9, 0.7])).toBe(1);
    expect(bestStep([0.5, 0.9, 0.9, 0.2])).toBe(2);
    expect(bestStep([Number.NaN, 0.3, Number.NaN])).toBe(1);
    expect(bestStep([0.1])).toBe(0);
  });
});
