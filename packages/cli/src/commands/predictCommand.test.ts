import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  exampleArgs,
  lassonet,
  lastJson,
  QUICK,
  readCsv,
  tempDir,
} from '../test-utils/runBuilt.js';

describe('lassonet predict for classification and survival models', () => {
  const out = tempDir();

  beforeAll(() => {
    for (const [dir, file] of [
      ['classifier', 'classification'],
      ['cox', 'survival'],
    ] as const) {
      const run = lassonet([
        'path',
        ...exampleArgs(file, 'median'),
        '--out',
        join(out, dir),
        ...QUICK,
      ]);
      expect(run.code).toBe(0);
    }
  });

  it('writes the class and one probability column per class, summing to 1', () => {
    const predictions = join(out, 'classes.csv');
    const run = lassonet([
      'predict',
      join(out, 'classifier', 'model.json'),
      join(EXAMPLES, 'classification.csv'),
      '--out',
      predictions,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const summary = lastJson(run.stdout);
    expect(summary.command).toBe('predict');
    expect(summary.task).toBe('classification');
    expect(summary.nRows).toBe(300);
    expect(summary.outputs).toEqual([predictions]);
    const { fields, rows } = readCsv(predictions);
    const model = JSON.parse(readFileSync(join(out, 'classifier', 'model.json'), 'utf8'));
    const classes: string[] = model.preprocessing.target.classes;
    expect(fields.slice(-1 - classes.length)).toEqual([
      'prediction',
      ...classes.map((c) => `probability=${c}`),
    ]);
    let correct = 0;
    for (const row of rows) {
      const probabilities = classes.map((c) => Number(row[`probability=${c}`]));
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      // The predicted class is the most probable one.
      const top = classes[probabilities.indexOf(Math.max(...probabilities))];
      expect(row.prediction).toBe(top);
      if (row.prediction === row.label) correct += 1;
    }
    expect(correct / rows.length).toBeGreaterThan(0.8);
  });

  it('writes a risk score for survival: higher for rows that fail sooner', () => {
    const predictions = join(out, 'risks.csv');
    const run = lassonet([
      'predict',
      join(out, 'cox', 'model.json'),
      join(EXAMPLES, 'survival.csv'),
      '--out',
      predictions,
    ]);
    expect(run.code).toBe(0);
    const { rows } = readCsv(predictions);
    // Harrell's concordance over comparable pairs, computed here from the written file.
    let concordant = 0;
    let pairs = 0;
    for (const a of rows) {
      if (a.event !== '1') continue;
      for (const b of rows) {
        if (Number(b.time) <= Number(a.time)) continue;
        pairs += 1;
        const ra = Number(a.prediction);
        const rb = Number(b.prediction);
        concordant += ra > rb ? 1 : ra === rb ? 0.5 : 0;
      }
    }
    expect(concordant / pairs).toBeGreaterThan(0.75);
  });

  it('leaves the prediction empty for a row it cannot score when the model drops incomplete rows', () => {
    const fitted = join(out, 'dropping');
    const fit = lassonet([
      'path',
      ...exampleArgs('regression', 'drop'),
      '--out',
      fitted,
      '--n-iters',
      '50,5',
      ...QUICK,
    ]);
    expect(fit.code).toBe(0);
    const predictions = join(out, 'with-gaps.csv');
    const run = lassonet([
      'predict',
      join(fitted, 'model.json'),
      join(EXAMPLES, 'regression.csv'),
      '--out',
      predictions,
    ]);
    expect(run.code).toBe(0);
    const { rows } = readCsv(predictions);
    const features = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9', 'x10', 'color'];
    for (const row of rows) {
      const incomplete = features.some((f) => row[f] === '');
      expect(row.prediction === '').toBe(incomplete);
    }
    expect(rows.some((r) => r.prediction === '')).toBe(true);
  });
});
