import { spawnSync } from 'node:child_process';
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
