import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** The package directory, and its built command: what users run. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_MAIN = join(PACKAGE_DIR, 'dist', 'main.js');
export const EXAMPLES = join(PACKAGE_DIR, 'examples');

/** The columns the example tables' targets depend on (examples/README.md). */
export const INFORMATIVE = ['x1', 'x2', 'x3'];

/** Few hidden units and a coarse path: seconds per command, with the same behaviour. */
export const QUICK = ['--hidden-dims', '16', '--path-multiplier', '1.1', '--backend', 'wasm'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `lassonet` under plain node, as a user would. */
export function lassonet(args: readonly string[], cwd: string = PACKAGE_DIR): Run {
  const result = spawnSync(process.execPath, [BUILT_MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built command without waiting, for tests that signal it. */
export function startLassonet(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [BUILT_MAIN, ...args], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** A fresh, empty directory. */
export function tempDir(prefix = 'lassonet-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The files in a directory, sorted (hidden ones too: a leftover temporary file shows). */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The JSON summary `--json` prints as the last stdout line. */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as T;
}

/** An example table with its target, the id left out and empty cells filled by the mean. */
export function exampleArgs(
  file: 'regression' | 'classification' | 'survival',
  impute: 'mean' | 'median' | 'drop' = 'mean',
): string[] {
  const target = {
    regression: ['--target', 'y'],
    classification: ['--target', 'label'],
    survival: ['--time', 'time', '--event', 'event'],
  }[file];
  return [join(EXAMPLES, `${file}.csv`), ...target, '--drop', 'id', '--impute', impute];
}

/** A CSV output file: its header and its rows by column name. */
export function readCsv(path: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}
