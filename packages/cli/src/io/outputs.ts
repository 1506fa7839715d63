import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../errors.js';

/** Creates the directory and proves it writable before any training time is spent. */
export async function prepareOutDir(out: string): Promise<string> {
  const dir = resolve(out);
  const probe = join(dir, `.lassonet-write-test-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw unwritable(`the output directory ${dir}`, error);
  }
  return dir;
}

/** A file's contents: text or bytes (a PNG). */
export type FileBody = string | Uint8Array;

/**
 * Writes files so that none is ever seen half-written: each goes to a temporary name in its own
 * directory, and only when every one is complete are they renamed into place (a rename within a
 * directory replaces the old file at once). On failure the temporary files are removed and the
 * files already there stay as they were. Returns the paths written.
 */
export async function writeFilesAtomically(
  files: readonly (readonly [path: string, body: FileBody])[],
): Promise<string[]> {
  // A rename cannot replace a directory: found now, before any file is replaced.
  for (const [file] of files) {
    const existing = await stat(resolve(file)).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new CliError(
        'UNWRITABLE_OUTPUT',
        `Cannot write ${resolve(file)}: a directory of that name is in the way.`,
      );
    }
  }
  const staged: [temp: string, path: string][] = [];
  try {
    for (const [file, body] of files) {
      const path = resolve(file);
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      staged.push([temp, path]);
      try {
        await writeFile(temp, body);
      } catch (error) {
        throw unwritable(path, error);
      }
    }
    for (const [temp, path] of staged) {
      try {
        await rename(temp, path);
      } catch (error) {
        throw unwritable(path, error);
      }
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  return staged.map(([, path]) => path);
}

function unwritable(what: string, error: unknown): CliError {
  const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
  return new CliError('UNWRITABLE_OUTPUT', `Cannot write ${what}: ${reason}`, { cause: error });
}

/** JSON as the output files hold it: indented, with a final newline (Infinity and NaN as null). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
