// Builds a workspace package and what it depends on, quietly, then runs its command in this
// process: the build says nothing unless it fails, so what the user sees is the command's own
// output. pnpm runs the launchers as binaries of the workspace root, which also keeps pnpm's
// banner and exit-code lines out of the way.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {string} filter turbo's name of the package to build (with its dependencies)
 * @param {string} entry the built command, relative to the repository root
 * @param {string} what the command's name, for the message when the build fails
 */
export async function launch(filter, entry, what) {
  const turbo = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'turbo.cmd' : 'turbo',
  );
  const build = spawnSync(
    turbo,
    ['run', 'build', `--filter=${filter}...`, '--output-logs=errors-only', '--log-prefix=none'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    },
  );
  if (build.error !== undefined || build.status !== 0) {
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error(
      `${what} could not be built (${build.error?.message ?? `turbo exited with ${build.status}`}).`,
    );
    process.exit(1);
  }
  await import(pathToFileURL(join(root, entry)).href);
}
