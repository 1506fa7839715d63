import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../core/summary.js';
import { appDir, writeMiceCsv } from '../test-utils/paths.js';

// The built command under plain node, as `pnpm demo` runs it.
const main = join(appDir, 'dist/cli/main.js');
const scratch = mkdtempSync(join(tmpdir(), 'lassonet-demo-'));
const miceFile = writeMiceCsv(scratch);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The suite shares the machine with the other packages' tests, which can slow a run several
// times over: the limits leave room for that (they catch a hang, not a slow run).
function demo(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 150_000) {
  const run = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LASSONET_DATA_DIR: '', ...env },
    timeout,
  });
  // A run stopped at the limit has no exit code; say so rather than "expected null to be 0".
  const stopped = run.signal === null ? '' : `stopped by ${run.signal} after ${timeout} ms; `;
  return { code: run.status, stdout: run.stdout, stderr: `${stopped}${run.stderr}` };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function isPng(file: string): boolean {
  const bytes = readFileSync(file);
  return PNG.every((b, i) => bytes[i] === b) && bytes.length > 10_000;
}

describe('pnpm demo', () => {
  it('--quick --refit --json: trains the path, prints the summary and writes the files', () => {
    const out = join(scratch, 'json');
    const run = demo(['--quick', '--refit', '--json', '--data', miceFile, '--out', out]);
    expect(run.stderr).not.toMatch(/Error|at .*\.js/);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as DemoSummary;
    expect(Object.keys(summary).sort()).toEqual(
      ['backend', 'featureNames', 'nTest', 'nTrain', 'protocol', 'seconds', 'seed', 'steps'].sort(),
    );
    expect(summary).toMatchObject({ backend: 'wasm', seed: 0, nTrain: 864, nTest: 216 });
    expect(summary.featureNames).toHaveLength(77);
    expect(summary.featureNames[0]).toBe('DYRK1A_N');
    expect(summary.seconds).toBeGreaterThan(0);
    const { steps } = summary;
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps[0]).toMatchObject({ lambda: 0, nSelected: 77 });
    expect(steps.at(-1)?.nSelected).toBe(0);
    for (const [t, step] of steps.entries()) {
      expect(Object.keys(step).sort()).toEqual(
        ['epochs', 'lambda', 'nSelected', 'selected', 'testAccuracy'].sort(),
      );
      expect(step.selected).toHaveLength(step.nSelected);
      expect([...step.selected].sort((a, b) => a - b)).toEqual(step.selected);
      expect(step.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(step.testAccuracy).toBeLessThanOrEqual(1);
      // Accuracy is a count of the 216 test mice.
      expect(Math.abs(step.testAccuracy * 216 - Math.round(step.testAccuracy * 216))).toBeLessThan(
        1e-9,
      );
      expect(step.epochs).toBeGreaterThan(0);
      if (t > 0) expect(step.lambda).toBeGreaterThan((steps[t - 1] as { lambda: number }).lambda);
    }
    expect(Object.keys(summary.protocol ?? {})).toEqual(['10', '20', '50']);
    for (const [k, result] of Object.entries(summary.protocol ?? {})) {
      const first = steps.find((s) => s.nSelected <= Number(k));
      expect(result.nSelected).toBe(first?.nSelected);
      if (result.nSelected > 0) {
        expect(result.accuracy).toBeGreaterThan(0.3);
        expect(result.accuracy).toBeLessThanOrEqual(1);
      }
    }
    // The file holds the same summary as stdout.
    expect(JSON.parse(readFileSync(join(out, 'mice-path.json'), 'utf8'))).toEqual(summary);
    expect(isPng(join(out, 'mice-accuracy.png'))).toBe(true);
    expect(isPng(join(out, 'mice-path.png'))).toBe(true);
  });

  it('--cv --stability: cross-validation and stability selection, with their charts', () => {
    const out = join(scratch, 'selection');
    const args = ['--quick', '--cv', '--stability', '--concurrency', '2', '--json'];
    const run = demo([...args, '--data', miceFile, '--out', out], {}, 360_000);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as DemoSummary;
    const cv = summary.cv as NonNullable<DemoSummary['cv']>;
    expect(cv).toMatchObject({ folds: 5, concurrency: 2 });
    expect(cv.selected).toHaveLength(cv.nSelected);
    expect(cv.nSelected).toBeGreaterThan(0);
    expect(cv.bestLambda).toBeGreaterThan(0);
    expect(cv.bestCvScore).toBeGreaterThan(0.5);
    expect(cv.testAccuracy).toBeGreaterThan(0.5);
    const stability = summary.stability as NonNullable<DemoSummary['stability']>;
    expect(stability.nModels).toBe(20);
    expect([...stability.order].sort((a, b) => a - b)).toEqual([...Array(77).keys()]);
    expect(stability.wrong).toHaveLength(77);
    expect(stability.oracle).toBeGreaterThanOrEqual(0);
    expect(stability.oracle).toBeLessThanOrEqual(77);
    expect(isPng(join(out, 'mice-cv.png'))).toBe(true);
    expect(isPng(join(out, 'mice-stability.png'))).toBe(true);
  }, 400_000);

  it('prints the table and the selected proteins, reading LASSONET_DATA_DIR', () => {
    const out = join(scratch, 'table');
    const run = demo(['--quick', '--seed', '1', '--out', out], {
      LASSONET_DATA_DIR: join(miceFile, '..'),
    });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(run.stdout).toMatch(/1080 mice, 77 proteins, 864 train \/ 216 test/);
    expect(run.stdout).toContain(`(from ${miceFile})`);
    const header = lines.findIndex((l) => /features\s+lambda\s+test accuracy/.test(l));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 2]).toMatch(/^\s*77\s+0 \(dense\)\s+0\.\d{3}$/);
    const proteins = lines.filter((l) => /^\d+ proteins? \(lambda /.test(l));
    expect(proteins.length).toBeGreaterThan(0);
    for (const line of proteins) {
      const n = Number(line.split(' ')[0]);
      expect(line.split(': ')[1]?.split(', ')).toHaveLength(n);
    }
    expect(run.stdout).toContain(join(out, 'mice-accuracy.png'));
    const summary = JSON.parse(readFileSync(join(out, 'mice-path.json'), 'utf8')) as DemoSummary;
    expect(summary.seed).toBe(1);
    expect(summary.protocol).toBeUndefined();
  });

  it('--help prints the options', () => {
    const run = demo(['--help']);
    expect(run.code, run.stderr).toBe(0);
    for (const option of [
      '--backend',
      '--seed',
      '--out',
      '--data',
      '--hidden',
      '--path-multiplier',
      '--refit',
      '--quick',
      '--json',
    ]) {
      expect(run.stdout).toContain(option);
    }
  });

  describe('bad input: one line on stderr, exit code 2, no stack trace', () => {
    const notCsv = join(scratch, 'not-mice.csv');
    writeFileSync(notCsv, 'a,b,c\n1,2,3\n');
    const aFile = join(scratch, 'a-file');
    writeFileSync(aFile, '');
    const cases: [string, string[], RegExp][] = [
      [
        'a missing data file',
        ['--data', join(scratch, 'absent.csv')],
        /no MICE file at .*absent\.csv/i,
      ],
      ['a malformed data file', ['--data', notCsv], /MouseID|column/i],
      [
        'an unknown backend',
        ['--backend', 'gpu'],
        /^--backend must be one of auto, cpu, wasm, got 'gpu' \(did you mean cpu\?\)\. \(see --help\)$/,
      ],
      [
        'an unwritable output directory',
        ['--out', join(aFile, 'sub')],
        /^Cannot write the output directory .*a-file\/sub: .*[^)]$/,
      ],
      [
        'an unknown option',
        ['--sed', '1'],
        /^Unknown option --sed for the demo \(did you mean --seed\?\)\. \(see --help\)$/,
      ],
      ['a positional argument', ['extra'], /^Unexpected argument 'extra': .* \(see --help\)$/],
      ['a bad seed', ['--seed=-1'], /--seed must be an integer >= 0, got '-1'/],
      ['a bad hidden size', ['--hidden', '100,0'], /--hidden must be an integer >= 1, got '0'/],
      [
        'a path multiplier <= 1',
        ['--path-multiplier', '1'],
        /--path-multiplier must be a number > 1/,
      ],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const run = demo(args.includes('--out') ? args : [...args, '--out', join(scratch, 'bad')]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
