import { DatasetError, rejectUnknownOptions } from '../errors.js';
import { fetchVerified } from './fetchVerified.js';
import { MICE_SHA256, MICE_URL } from './miceFile.js';
import { type MiceData, parseMice } from './parseMice.js';

/** Where `loadMice` found the file. */
export interface MiceSource {
  kind: 'text' | 'file' | 'url' | 'path' | 'dataDir' | 'cache' | 'download';
  /** A path or URL, where there is one. */
  location?: string;
}

export interface LoadedMice extends MiceData {
  source: MiceSource;
}

export interface BrowserMiceOptions {
  /** The file's contents, already read. */
  text?: string;
  /** A `File` the user picked or dropped, or any `Blob`. */
  file?: Blob;
  /** Where to fetch it from. Default: the upstream copy (MICE_URL). */
  url?: string;
  /** Expected SHA-256 of what `url` returns (a mirror must serve the same file); `false` skips the check. Default: MICE_SHA256. */
  sha256?: string | false;
}

const BROWSER_OPTIONS = ['text', 'file', 'url', 'sha256'];

/**
 * Loads the MICE protein data in a browser or worker: from `text`, a `File`/`Blob`, or a URL
 * (by default the upstream copy, checked against its SHA-256). Under Node the package's entry
 * point has a `loadMice` that also reads files and keeps a cache.
 */
export async function loadMice(options: BrowserMiceOptions = {}): Promise<LoadedMice> {
  rejectUnknownOptions(options, BROWSER_OPTIONS, 'loadMice');
  const direct = await readDirect(options);
  if (direct !== undefined) return direct;
  const url = options.url ?? MICE_URL;
  const bytes = await fetchVerified(url, expectedSha256(options));
  return { ...parseMice(new TextDecoder().decode(bytes)), source: { kind: 'url', location: url } };
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
    if (typeof options.text !== 'string') {
      throw new DatasetError('INVALID_OPTION', 'text must be the file contents as a string.');
    }
    return { ...parseMice(options.text), source: { kind: 'text' } };
  }
  if (options.file !== undefined) {
    if (typeof Blob === 'undefined' || !(options.file instanceof Blob)) {
      throw new DatasetError('INVALID_OPTION', 'file must be a File or Blob.');
    }
    const name = 'name' in options.file ? String(options.file.name) : undefined;
    return {
      ...parseMice(await options.file.text()),
      source: { kind: 'file', ...(name === undefined ? {} : { location: name }) },
    };
  }
  return undefined;
}

/** A mirror must serve the very same file, so every URL is checked unless told otherwise. */
export function expectedSha256(options: { sha256?: string | false }): string | undefined {
  return options.sha256 === false ? undefined : (options.sha256 ?? MICE_SHA256);
}
