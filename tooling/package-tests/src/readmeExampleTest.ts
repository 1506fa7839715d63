import { join } from 'node:path';
import { describe, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { repoRoot, runNodeModule } from './workspace.js';

/**
 * Registers a test running the `## Example` of `packages/<name>/README.md` under plain Node, as a
 * user would paste it, and hands what it printed (whole and as trimmed lines) to `check`.
 */
export function describeReadmeExample(
  name: string,
  claim: string,
  check: (stdout: string, lines: string[]) => void,
  timeout?: number,
): void {
  describe(`the @lassonet/${name} README example`, () => {
    it(
      `runs under plain node: ${claim}`,
      () => {
        const { stdout } = runNodeModule(
          readmeExample(`packages/${name}`),
          join(repoRoot, 'tooling/package-tests'),
        );
        check(stdout, stdout.trim().split('\n'));
      },
      timeout,
    );
  });
}
