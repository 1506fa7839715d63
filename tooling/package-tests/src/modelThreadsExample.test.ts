import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { repoRoot, runNodeModule } from './workspace.js';

describe('the @lassonet/model README, "Two threads for one network"', () => {
  it('runs under plain node: every step is shared with the helper thread, and the process ends', () => {
    const { stdout } = runNodeModule(
      readmeExample('packages/model', 'Two threads for one network (Node)'),
      join(repoRoot, 'tooling/package-tests'),
    );
    expect(stdout.trim()).toBe('200 true');
  }, 60_000);
});
