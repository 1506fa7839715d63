import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CheckResult, checkBackends } from './checkBackends.js';

function expectNodeReport(result: CheckResult) {
  expect(result.auto).toBe('wasm');
  const byName = Object.fromEntries(result.reports.map((r) => [r.backend, r]));
  expect(Object.keys(byName).sort()).toEqual(['cpu', 'wasm', 'webgl']);
  for (const name of ['cpu', 'wasm']) {
    expect(byName[name]?.available).toBe(true);
    expect(byName[name]?.medianMs).toBeGreaterThan(0);
    expect(byName[name]?.maxRelError).toBeLessThan(1e-5);
  }
  expect(byName.webgl?.available).toBe(false);
  expect(byName.webgl?.reason).toMatch(/WebGL2 needs a browser/);
}

describe('checkBackends under Node', () => {
  it('measures cpu and wasm, explains webgl, and auto picks wasm', async () => {
    expectNodeReport(await checkBackends({ repeats: 1 }));
  });

  it('rejects a non-positive repeat count', async () => {
    await expect(checkBackends({ repeats: 0 })).rejects.toThrow(/repeats must be a positive/);
  });
});

describe('the built command under plain node', () => {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

  it('prints a JSON report', () => {
    const run = spawnSync(process.execPath, [main, '--json', '--repeats', '1'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expectNodeReport(JSON.parse(run.stdout) as CheckResult);
  });

  it('exits 2 with one clear line on a bad option', () => {
    const run = spawnSync(process.execPath, [main, '--repeats', 'many'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("--repeats must be a positive integer, got 'many'");
  });
});

describe('the built command writing a report file', () => {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

  it('writes the JSON report with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backend-check-'));
    const out = join(dir, 'nested', 'backends.json');
    const run = spawnSync(process.execPath, [main, '--repeats', '1', '--out', out], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as CheckResult & { repeats: number };
    expect(report.repeats).toBe(1);
    expectNodeReport(report);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with one line when the report cannot be written', () => {
    // A regular file where a directory should be: no platform can create the report there.
    const dir = mkdtempSync(join(tmpdir(), 'backend-check-'));
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const out = join(blocker, 'report.json');
    const run = spawnSync(process.execPath, [main, '--repeats', '1', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(new RegExp(`^cannot write ${out}: E[A-Z]+: `));
    rmSync(dir, { recursive: true, force: true });
  });
});
