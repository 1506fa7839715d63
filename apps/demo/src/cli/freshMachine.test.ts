import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../core/summary.js';
import { appDir } from '../test-utils/paths.js';

// The demo as a new user meets it: no network, an empty HOME, no LASSONET_DATA_DIR, and
// `pnpm demo` from the repository root.
const repoRoot = join(appDir, '../..');
const main = join(appDir, 'dist/cli/main.js');
const noNetwork = join(appDir, 'src/test-utils/noNetwork.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'lassonet-fresh-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment of a new user: everything of ours but the data and cache settings, and a new HOME. */
function freshEnv(home: string, networkLog: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, LASSONET_NETWORK_LOG: networkLog };
  delete env.LASSONET_DATA_DIR;
  delete env.XDG_CACHE_HOME;
  return env;
}

function offline(args: string[], home: string, networkLog: string, timeout = 150_000) {
  const run = spawnSync(process.execPath, ['--import', noNetwork, ...args], {
    cwd: home,
    encoding: 'utf8',
    env: freshEnv(home, networkLog),
    timeout,
  });
  const stopped = run.signal === null ? '' : `stopped by ${run.signal} after ${timeout} ms; `;
  return { code: run.status, stdout: run.stdout, stderr: `${stopped}${run.stderr}` };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the demo on a fresh machine', () => {
  it('the network guard refuses a request and records it', () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    const log = join(scratch, 'guard.log');
    const run = offline(
      ['--input-type=module', '-e', "await fetch('http://127.0.0.1:9/')"],
      home,
      log,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Network access refused');
    expect(readFileSync(log, 'utf8')).toBe('fetch http://127.0.0.1:9/\n');
  });

  it('runs offline with an empty HOME and writes its charts and summary', () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    const log = join(scratch, 'demo-network.log');
    const out = join(home, 'out');
    const run = offline([main, '--quick', '--json', '--out', out], home, log);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(from the copy shipped with @lassonet/datasets)');
    expect(existsSync(log), existsSync(log) ? readFileSync(log, 'utf8') : '').toBe(false);
    const summary = JSON.parse(run.stdout) as DemoSummary;
    expect(summary).toMatchObject({ nTrain: 864, nTest: 216 });
    expect(summary.featureNames).toHaveLength(77);
    for (const file of ['mice-accuracy.png', 'mice-path.png']) {
      const bytes = readFileSync(join(out, file));
      expect(
        PNG.every((b, i) => bytes[i] === b),
        file,
      ).toBe(true);
      expect(bytes.length, file).toBeGreaterThan(10_000);
    }
    const written = JSON.parse(readFileSync(join(out, 'mice-path.json'), 'utf8')) as DemoSummary;
    expect(written.steps).toEqual(summary.steps);
    // Nothing was cached or downloaded into the new HOME.
    expect(existsSync(join(home, '.cache'))).toBe(false);
  });

  it('`pnpm demo` with a bad option prints one line, on stderr, and exits with 2', () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(home, { recursive: true });
    const run = spawnSync('pnpm', ['demo', '--backend', 'nosuch'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: freshEnv(home, join(scratch, 'pnpm-network.log')),
      timeout: 120_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "--backend must be one of auto, cpu, wasm, got 'nosuch'. (see --help)\n",
    );
    expect(run.status).toBe(2);
  });
});
