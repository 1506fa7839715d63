import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './workspace.js';

/** The first ```js block under the `## <heading>` heading of a package README. */
export function readmeExample(packageDir: string, heading = 'Example'): string {
  const readme = readFileSync(join(repoRoot, packageDir, 'README.md'), 'utf8');
  const section = readme.split(`\n## ${heading}\n`)[1]?.split(/^## /m)[0];
  const block = section?.match(/```js\n([\s\S]*?)```/);
  if (block?.[1] === undefined) {
    throw new Error(`${packageDir}/README.md has no \`\`\`js block under '## ${heading}'.`);
  }
  return block[1];
}
