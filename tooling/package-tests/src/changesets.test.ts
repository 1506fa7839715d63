import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parse from '@changesets/parse';
import { describe, expect, it } from 'vitest';
import { publishablePackages, repoRoot } from './workspace.js';

// `changeset version` reads each pending changeset's front matter; one it cannot parse stops
// the release, so every file is parsed here as the tool will.
describe('pending changesets', () => {
  const dir = join(repoRoot, '.changeset');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const published = new Set(publishablePackages().map((p) => p.manifest.name));

  it.each(files)('%s names published packages, a bump and a summary', (file) => {
    const changeset = parse(readFileSync(join(dir, file), 'utf8'));
    expect(changeset.releases.length).toBeGreaterThan(0);
    for (const release of changeset.releases) {
      expect(published).toContain(release.name);
      expect(['major', 'minor', 'patch']).toContain(release.type);
    }
    expect(changeset.summary.trim().length).toBeGreaterThan(20);
  });
});
