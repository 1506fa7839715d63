import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { packAndInstall, publishablePackages, repoRoot, runNodeModule } from './workspace.js';

const example = readmeExample('packages/hier-prox');

interface Step {
  lambda: number;
  features: number[];
}

/** Parses the example's lines: `lambda 0.0410: 10 selected [0, 1, …]`. */
function parsePath(stdout: string): Step[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => {
      const match = line.match(/^lambda (\S+): (\d+) selected \[([\d, ]*)\]$/);
      if (match === null) throw new Error(`unexpected output line: ${line}`);
      const features = match[3] === '' ? [] : (match[3] ?? '').split(', ').map(Number);
      expect(features.length).toBe(Number(match[2]));
      return { lambda: Number(match[1]), features };
    });
}

/** What the README promises: all ten features at first, none at the end, noise out first. */
function expectFeaturesDropOut(stdout: string): void {
  const path = parsePath(stdout);
  expect(path.length).toBeGreaterThan(3);
  expect(path[0]?.features).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(path.at(-1)?.features).toEqual([]);
  for (let t = 1; t < path.length; t++) {
    expect(path[t]?.lambda).toBeGreaterThan(path[t - 1]?.lambda ?? 0);
  }
  // Once three or fewer features are left, they are among the three that carry the signal.
  const few = path.find((step) => step.features.length <= 3 && step.features.length > 0);
  expect(few?.features.every((j) => j <= 2)).toBe(true);
}

describe('the @lassonet/hier-prox README example', () => {
  it('runs under plain node in the workspace and features drop out as lambda grows', () => {
    const { stdout } = runNodeModule(example, join(repoRoot, 'tooling/package-tests'));
    expectFeaturesDropOut(stdout);
  });

  describe('installed from tarballs with only its own dependencies', () => {
    let work: string;
    let project: string;
    const wanted = [
      '@lassonet/hier-prox',
      '@lassonet/backend',
      '@lassonet/backend-wasm',
      '@lassonet/core',
    ];

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'lassonet-hier-prox-'));
      const packages = publishablePackages().filter((p) => wanted.includes(p.manifest.name));
      expect(packages.map((p) => p.manifest.name).sort()).toEqual([...wanted].sort());
      project = packAndInstall(packages, work).project;
    });

    afterAll(() => {
      if (work !== undefined) rmSync(work, { recursive: true, force: true });
    });

    it('installs exactly hier-prox, the backend interface, one adapter and the core', () => {
      expect(readdirSync(join(project, 'node_modules/@lassonet')).sort()).toEqual([
        'backend',
        'backend-wasm',
        'core',
        'hier-prox',
      ]);
    });

    it('runs the README example there', () => {
      const { stdout } = runNodeModule(example, project);
      expectFeaturesDropOut(stdout);
    });
  });
});
