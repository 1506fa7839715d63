import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publishablePackages, repoRoot } from './workspace.js';

const TFJS_CORE = '@tensorflow/tfjs-core';

/** Where `from` (a package directory) would load tfjs-core from, with symlinks resolved. */
function tfjsCoreSeenFrom(from: string): string {
  const require = createRequire(join(from, 'package.json'));
  return realpathSync(require.resolve(`${TFJS_CORE}/package.json`));
}

describe('exactly one tfjs-core', () => {
  it('the lockfile resolves a single tfjs-core version, 4.22', () => {
    const lock = parse(readFileSync(join(repoRoot, 'pnpm-lock.yaml'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const versions = Object.keys(lock.packages)
      .filter((key) => key.startsWith(`${TFJS_CORE}@`))
      .map((key) => key.slice(TFJS_CORE.length + 1));
    expect(versions).toEqual(['4.22.0']);
  });

  it('every package and every tfjs backend loads the same tfjs-core files', () => {
    const seen = new Set<string>();
    for (const { dir, manifest } of publishablePackages()) {
      seen.add(tfjsCoreSeenFrom(dir));
      for (const dep of Object.keys(manifest.dependencies ?? {})) {
        if (!dep.startsWith('@tensorflow/')) continue;
        const depDir = join(
          realpathSync(createRequire(join(dir, 'package.json')).resolve(`${dep}/package.json`)),
          '..',
        );
        seen.add(tfjsCoreSeenFrom(depDir));
      }
    }
    expect([...seen]).toHaveLength(1);
  });

  it('tfjs-core is a peer dependency of every package that computes with it, never a regular one', () => {
    const tensorPackages = publishablePackages().filter(
      ({ manifest }) =>
        manifest.name === '@lassonet/backend' ||
        manifest.peerDependencies?.['@lassonet/backend'] !== undefined,
    );
    expect(tensorPackages.length).toBeGreaterThanOrEqual(5);
    for (const { manifest } of tensorPackages) {
      expect(manifest.peerDependencies?.[TFJS_CORE], manifest.name).toBe('^4.22.0');
    }
    for (const { manifest } of publishablePackages()) {
      expect(manifest.dependencies?.[TFJS_CORE], manifest.name).toBeUndefined();
    }
  });
});
