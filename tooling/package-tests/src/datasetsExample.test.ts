import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { repoRoot, runNodeModule } from './workspace.js';

describe('the @lassonet/datasets README example', () => {
  it('runs under plain node and prints what the README shows', () => {
    const { stdout } = runNodeModule(
      readmeExample('packages/datasets'),
      join(repoRoot, 'tooling/package-tests'),
      { LASSONET_DATA_DIR: '' },
    );
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('1080 mice samples, 77 proteins, from package');
    expect(lines[1]).toBe(
      '1396 empty cells filled; classes t-SC-s c-SC-s t-SC-m c-SC-m t-CS-s c-CS-s t-CS-m c-CS-m',
    );
    expect(lines[2]).toBe('train 864, test 216');
    expect(lines[3]).toBe('relevant features 0, 1, 2, 3, 4; fold test sizes 20, 20, 20, 20, 20');
    expect(lines[4]).toMatch(/^first row( -?\d+\.\d\d){8} -> y -?\d+\.\d\d$/);
  });
});
