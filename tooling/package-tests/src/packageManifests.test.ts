import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages, repoRoot } from './workspace.js';

interface Manifest {
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: string;
  files?: string[];
  peerDependencies?: Record<string, string>;
}

// What npm shows and links for each package, and the tfjs-core versions a user may bring.
describe('published package manifests', () => {
  const packages = publishablePackages();

  it('covers every package under packages/', () => {
    expect(packages.length).toBe(9);
  });

  for (const { dir, manifest } of packages) {
    const m = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const directory = relative(repoRoot, dir);

    it(`${manifest.name}: repository with its directory, homepage and issue tracker`, () => {
      expect(m.repository).toEqual({
        type: 'git',
        url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/),
        directory,
      });
      const repo = m.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
      expect(m.homepage).toBe(`${repo}/tree/main/${directory}#readme`);
      expect(m.bugs).toBe(`${repo}/issues`);
    });

    it(`${manifest.name}: takes any tfjs-core 4 from 4.22 on, and ships its sources`, () => {
      const peer = m.peerDependencies?.['@tensorflow/tfjs-core'];
      if (peer !== undefined) expect(peer).toBe('^4.22.0');
      expect(m.files).toEqual(
        expect.arrayContaining(['dist', 'src', '!src/**/*.test.ts', '!src/**/test-utils']),
      );
    });
  }
});
