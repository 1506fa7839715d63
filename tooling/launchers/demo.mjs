#!/usr/bin/env node
// `pnpm demo [options]`: builds the demo and the packages it uses, then runs the demo command in
// this process. The build says nothing unless it fails, so what the user sees is the demo's own
// output. pnpm runs this file as a binary of the workspace root (no `demo` script), which also
// keeps pnpm's own banner and exit-code lines out of the way.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const turbo = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'turbo.cmd' : 'turbo',
);
const build = spawnSync(
  turbo,
  ['run', 'build', '--filter=demo...', '--output-logs=errors-only', '--log-prefix=none'],
  {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  },
);
if (build.error !== undefined || build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  console.error(
    `The demo could not be built (${build.error?.message ?? `turbo exited with ${build.status}`}).`,
  );
  process.exit(1);
}
await import(pathToFileURL(join(root, 'apps', 'demo', 'dist', 'cli', 'main.js')).href);
