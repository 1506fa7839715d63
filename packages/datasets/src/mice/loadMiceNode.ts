import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from '../errors.js';
import { fetchVerified } from './fetchVerified.js';
import {
  checkSource,
  expectedSha256,
  type LoadedMice,
  miceOptions,
  readDirect,
} from './loadMice.js';
import { MICE_FILE_NAME, MICE_URL } from './miceFile.js';
import { readPackagedMice } from './packagedMiceNode.js';
import { parseMice } from './parseMice.js';
import { sha256Hex } from './sha256.js';

const directory = v.string('must be a directory path');

const miceSchema = v.strictObject({
  /** Read this file and nothing else. */
  path: v.optional(v.string('must be a file path')),
  /** The file's contents, already read. */
  text: miceOptions.text,
  /** A `Blob` (Node has them too). */
  file: miceOptions.file,
  /**
   * With `source: 'auto'`, a directory whose Data_Cortex_Nuclear.csv is used when it exists.
   * Default: $LASSONET_DATA_DIR; `null` skips it.
   */
  dataDir: v.optional(v.nullable(directory)),
  /**
   * Default 'auto': `dataDir` when it holds the file, else the copy shipped with the package
   * (never the network). `'package'`: that copy only. `'download'`: the cache, else a download.
   * `'package'` and `'download'` take no `text`, `file` or `path` (and `'package'` no `url`).
   */
  source: miceOptions.source,
  /** Download from this URL (implies `source: 'download'`). Default: the upstream copy (MICE_URL). */
  url: miceOptions.url,
  /** The download cache. Default: $XDG_CACHE_HOME/lassonet, else ~/.cache/lassonet. */
  cacheDir: v.optional(directory),
  /** Expected SHA-256 of a download; `false` skips the check. Default: MICE_SHA256. */
  sha256: miceOptions.sha256,
});

export type MiceOptions = OptionsInput<typeof miceSchema>;

/** $XDG_CACHE_HOME/lassonet, else ~/.cache/lassonet. */
export function defaultCacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'lassonet');
}

/**
 * Loads the MICE protein data (with the original demonstration's preprocessing, see
 * `parseMice`). The file comes from `text`, `file` or `path` when given; else, by default, from
 * `dataDir` ($LASSONET_DATA_DIR) when it holds the file, and otherwise from the copy shipped with
 * this package, checked against its SHA-256: no network. With `source: 'download'` or a `url`,
 * from the cache or a download checked against its SHA-256 and written to the cache atomically,
 * so a failed or corrupted download never leaves a file there.
 */
export async function loadMice(input?: MiceOptions): Promise<LoadedMice> {
  const options = parseOptions(miceSchema, input, 'loadMice', DatasetError);
  const { source } = options;
  checkSource(options);
  const direct = await readDirect(options);
  if (direct !== undefined) return direct;

  if (options.path !== undefined) {
    const text = await readText(options.path);
    if (text === undefined) {
      throw new DatasetError('MISSING_FILE', `There is no MICE file at ${options.path}.`);
    }
    return { ...parseMice(text), source: { kind: 'path', location: options.path } };
  }
  if (source === 'download' || options.url !== undefined) return loadDownloaded(options);

  const dataDir =
    options.dataDir === null || source === 'package'
      ? undefined
      : (options.dataDir ?? nonEmpty(process.env.LASSONET_DATA_DIR));
  if (dataDir !== undefined) {
    const location = join(dataDir, MICE_FILE_NAME);
    const text = await readText(location);
    if (text !== undefined) return { ...parseMice(text), source: { kind: 'dataDir', location } };
  }
  const { text, location } = await readPackagedMice();
  return { ...parseMice(text), source: { kind: 'package', location } };
}

/** The cache when it holds the right file, else a checked download that is then cached. */
async function loadDownloaded(options: v.InferOutput<typeof miceSchema>): Promise<LoadedMice> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const cached = join(cacheDir, MICE_FILE_NAME);
  const sha256 = expectedSha256(options);
  const bytes = await readBytes(cached);
  const cachedSha256 =
    bytes === undefined || sha256 === undefined ? undefined : await sha256Hex(bytes);
  // A cached copy is used only if it is still the right file; otherwise it is fetched again.
  if (bytes !== undefined && cachedSha256 === sha256) {
    return {
      ...parseMice(new TextDecoder().decode(bytes)),
      source: { kind: 'cache', location: cached },
    };
  }
  const url = options.url ?? MICE_URL;
  let downloaded: Uint8Array;
  try {
    downloaded = await fetchVerified(url, sha256);
  } catch (error) {
    if (error instanceof DatasetError && error.code === 'DOWNLOAD_FAILED') {
      throw new DatasetError(
        'MISSING_FILE',
        `${error.message} Nothing usable was in the cache (${cached}). Without source: 'download' and url, loadMice reads the copy shipped with the package.`,
        { cause: error },
      );
    }
    throw error;
  }
  // The data are good; a cache that cannot be written costs a download next time, not this load.
  const saved = await writeAtomically(cacheDir, cached, downloaded);
  if (saved !== undefined) process.emitWarning(saved, { code: 'LASSONET_CACHE' });
  return {
    ...parseMice(new TextDecoder().decode(downloaded)),
    source: { kind: 'download', location: url },
  };
}

/**
 * Temp file in the same directory, then rename: readers see no file or the whole file, never a
 * part. Returns why it could not save, if it could not.
 */
async function writeAtomically(
  dir: string,
  file: string,
  bytes: Uint8Array,
): Promise<string | undefined> {
  const temp = join(dir, `.${MICE_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, file);
    return undefined;
  } catch (error) {
    await rm(temp, { force: true });
    return `Could not save the MICE data in ${dir}: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatasetError(
      'MISSING_FILE',
      `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
}

async function readText(path: string): Promise<string | undefined> {
  const bytes = await readBytes(path);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
