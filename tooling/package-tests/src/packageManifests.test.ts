import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PackageJson as Manifest, publishablePackages, repoRoot } from './workspace.js';

const TFJS_CORE = '@tensorflow/tfjs-core';

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Repository folder, home page and issue tracker, all of the one repository. */
function expectLinks(m: Manifest, directory: string): void {
  expect(m.repository).toEqual({
    type: 'git',
    url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/),
    directory,
  });
  const repo = m.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
  expect(m.homepage).toBe(`${repo}/tree/main/${directory}#readme`);
  expect(m.bugs).toBe(`${repo}/issues`);
}

// What npm shows and links for each package, and the tfjs-core versions a user may bring.
describe('published package manifests', () => {
  const packages = publishablePackages();

  it('covers every package under packages/', () => {
    expect(packages.length).toBe(12);
  });

  for (const { dir } of packages) {
    const m = readManifest(dir);
    const directory = relative(repoRoot, dir);

    it(`${m.name}: repository with its directory, homepage and issue tracker`, () => {
      expectLinks(m, directory);
    });

    it(`${m.name}: takes any tfjs-core 4 from 4.22 on, and ships its sources`, () => {
      const peer = m.peerDependencies?.[TFJS_CORE];
      if (peer !== undefined) expect(peer).toBe('^4.22.0');
      expect(m.files).toEqual(
        expect.arrayContaining([
          'dist',
          'src',
          '!src/**/*.test.ts',
          '!src/**/*.bench.ts',
          '!src/**/test-utils',
        ]),
      );
    });

    // Only the peer range is wide: the tfjs backends an adapter brings, and the tfjs-core the
    // workspace builds and tests against, stay on the one version the tests run.
    it(`${m.name}: pins tfjs backends and its development tfjs-core exactly`, () => {
      for (const [name, range] of Object.entries(m.dependencies ?? {})) {
        if (name.startsWith('@tensorflow/')) expect(range, name).toBe('4.22.0');
      }
      const dev = m.devDependencies?.[TFJS_CORE];
      if (dev !== undefined) expect(dev).toBe('4.22.0');
    });
  }

  it('the wasm adapter declares and lists the Apache-2.0 licence of the binaries it ships', () => {
    const wasm = packages.find((p) => p.manifest.name === '@lassonet/backend-wasm');
    const m = readManifest(wasm?.dir ?? '');
    expect(m.license).toBe('(MIT AND Apache-2.0)');
    expect(m.files).toEqual(expect.arrayContaining(['LICENSE', 'LICENSE-APACHE-2.0', 'NOTICE']));
    const readme = readFileSync(join(wasm?.dir ?? '', 'README.md'), 'utf8');
    expect(readme).toContain('LICENSE-APACHE-2.0');
    expect(readme).toContain('NOTICE');
  });

  // The apps are private, but their manifests link the repository the same way.
  for (const app of ['apps/demo', 'apps/backend-check']) {
    it(`${app}: repository with its directory, homepage and issue tracker`, () => {
      expectLinks(readManifest(join(repoRoot, app)), app);
    });
  }
});
