import { choiceOption, type OptionsInput, parseOptions } from '@lassonet/core';
import * as v from 'valibot';
import { DatasetError } from '../errors.js';
import { fetchVerified } from './fetchVerified.js';
import { MICE_SHA256, MICE_URL } from './miceFile.js';
import { checkPackagedMice, damagedCopy, isGzip, packagedMiceUrl } from './packagedMice.js';
import { type MiceData, parseMice } from './parseMice.js';

/** Where `loadMice` found the file: `'package'` is the copy shipped with this package. */
export interface MiceSource {
  kind: 'text' | 'file' | 'url' | 'path' | 'dataDir' | 'package' | 'cache' | 'download';
  /** A path or URL, where there is one. */
  location?: string;
}

export interface LoadedMice extends MiceData {
  source: MiceSource;
}

const SOURCES = ['auto', 'package', 'download'] as const;

/**
 * Where the data come from when no `text`, `file`, `path` or `url` is given: `'auto'` (local
 * copies first, then the copy shipped with the package), `'package'` (that copy only) or
 * `'download'` (the upstream copy, checked against its SHA-256).
 */
export type MiceSourceOption = (typeof SOURCES)[number];

/** The option schemas both loaders share (the Node loader adds `path`, `dataDir` and `cacheDir`). */
export const miceOptions = {
  text: v.optional(v.string('must be the file contents as a string')),
  file: v.optional(
    v.custom<Blob>(
      (value) => typeof Blob !== 'undefined' && value instanceof Blob,
      'must be a File or Blob',
    ),
  ),
  url: v.optional(v.string('must be a URL string')),
  sha256: v.optional(
    v.union([v.string(), v.literal(false)], 'must be a SHA-256 as hex digits, or false'),
    MICE_SHA256,
  ),
  source: v.optional(choiceOption(SOURCES), 'auto'),
};

const browserMiceSchema = v.strictObject({
  /** The file's contents, already read. */
  text: miceOptions.text,
  /** A `File` the user picked or dropped, or any `Blob`. */
  file: miceOptions.file,
  /** Download from this URL, checked against `sha256`. */
  url: miceOptions.url,
  /** Expected SHA-256 of a download (a mirror must serve the same file); `false` skips the check. Default: MICE_SHA256. */
  sha256: miceOptions.sha256,
  /**
   * Default 'auto': the copy shipped with the package (`'package'`: that copy only, with no
   * `text`, `file` or `url`). `'download'` fetches MICE_URL (or `url`).
   */
  source: miceOptions.source,
});

export type BrowserMiceOptions = OptionsInput<typeof browserMiceSchema>;

/**
 * Loads the MICE protein data in a browser or worker: from `text` or a `File`/`Blob`, else the
 * copy shipped with this package (fetched beside the module and checked against its SHA-256),
 * or with `source: 'download'` or a `url`, a checked download. Under Node the package's entry
 * point has a `loadMice` that also reads files and keeps a download cache.
 */
export async function loadMice(options?: BrowserMiceOptions): Promise<LoadedMice> {
  const parsed = parseOptions(browserMiceSchema, options, 'loadMice', DatasetError);
  checkSource(parsed);
  const direct = await readDirect(parsed);
  if (direct !== undefined) return direct;
  if (parsed.source === 'download' || parsed.url !== undefined) {
    const url = parsed.url ?? MICE_URL;
    const bytes = await fetchVerified(url, expectedSha256(parsed));
    const text = new TextDecoder().decode(bytes);
    return { ...parseMice(text), source: { kind: 'url', location: url } };
  }
  const url = packagedMiceUrl().href;
  const text = await checkPackagedMice(await fetchPackaged(url), url);
  return { ...parseMice(text), source: { kind: 'package', location: url } };
}

/**
 * Checks `source` against the other options: a source asked for by name must not be silently
 * overridden by `text`, `file` or `path` (or, for `'package'`, by `url`).
 */
export function checkSource(options: {
  source: MiceSourceOption;
  text?: string;
  file?: Blob;
  path?: string;
  url?: string;
}): void {
  const { source } = options;
  const others = source === 'package' ? DIRECT : source === 'download' ? LOCAL : [];
  const given = others.filter((key) => options[key] !== undefined);
  if (given.length > 0) {
    const what =
      source === 'package' ? 'reads only the copy shipped with the package' : 'downloads the file';
    throw new DatasetError(
      'INVALID_OPTION',
      `source: '${source}' ${what}; it cannot be combined with ${given.join(' or ')}.`,
    );
  }
}

const LOCAL = ['text', 'file', 'path'] as const;
const DIRECT = [...LOCAL, 'url'] as const;

/** The shipped copy's bytes, decompressed unless the server already did. */
async function fetchPackaged(url: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new DatasetError(
      'MISSING_FILE',
      `Could not read the MICE data shipped with @lassonet/datasets from ${url}: ${error instanceof Error ? error.message : String(error)}. A bundler must serve the package's data/ folder (Vite: exclude @lassonet/datasets from optimizeDeps); or pass { file } or { text }.`,
      { cause: error },
    );
  }
  if (!isGzip(bytes)) return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw damagedCopy(url, error instanceof Error ? error.message : String(error), error);
  }
}

/** `text` or `file`, when given (exactly one source may be). */
export async function readDirect(options: {
  text?: string;
  file?: Blob;
  url?: string;
  path?: string;
}): Promise<LoadedMice | undefined> {
  const given = (['text', 'file', 'url', 'path'] as const).filter((k) => options[k] !== undefined);
  if (given.length > 1) {
    throw new DatasetError(
      'INVALID_OPTION',
      `loadMice takes one source, got ${given.join(' and ')}.`,
    );
  }
  if (options.text !== undefined) {
    return { ...parseMice(options.text), source: { kind: 'text' } };
  }
  if (options.file !== undefined) {
    const name = 'name' in options.file ? String(options.file.name) : undefined;
    return {
      ...parseMice(await options.file.text()),
      source: { kind: 'file', ...(name === undefined ? {} : { location: name }) },
    };
  }
  return undefined;
}

/** A mirror must serve the very same file, so every URL is checked unless told otherwise. */
export function expectedSha256(options: { sha256: string | false }): string | undefined {
  return options.sha256 === false ? undefined : options.sha256;
}
