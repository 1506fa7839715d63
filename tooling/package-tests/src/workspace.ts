import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  dir: string;
  manifest: PackageJson;
}

/** The packages under packages/ that are published (not private). */
export function publishablePackages(): WorkspacePackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      return { dir, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its output, throwing with both streams on failure. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const out = {
    status: result.status,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n${out.stdout}\n${out.stderr}`,
    );
  }
  return out;
}

/** Runs an ES module source under plain `node` (no test runner, no loaders) in `cwd`. */
export function runNodeModule(
  source: string,
  cwd: string,
  env: Record<string, string> = {},
): RunResult {
  return run(process.execPath, ['--input-type=module', '-e', source], {
    cwd,
    env: { ...process.env, ...env },
  });
}

export interface InstalledProject {
  /** The npm project directory. */
  project: string;
  /** The tarball of each packed package, by package name. */
  tarballs: Map<string, string>;
}

/**
 * Packs the given workspace packages with pnpm (which rewrites workspace: ranges) and installs
 * only those tarballs with npm into a new, empty project in `work`, as a user would.
 */
export function packAndInstall(packages: WorkspacePackage[], work: string): InstalledProject {
  const packDir = join(work, 'tarballs');
  const tarballs = new Map<string, string>();
  for (const { dir, manifest } of packages) {
    const { stdout } = run('pnpm', ['pack', '--pack-destination', packDir], { cwd: dir });
    const file = stdout.trim().split('\n').pop() ?? '';
    tarballs.set(manifest.name, join(packDir, basename(file)));
  }
  const project = join(work, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.values()], {
    cwd: project,
    env: { ...process.env, npm_config_workspaces: 'false' },
  });
  return { project, tarballs };
}
