import { DatasetError } from '../errors.js';
import { MICE_SHA256 } from './miceFile.js';
import { sha256Hex } from './sha256.js';

/**
 * The gzipped MICE file shipped in the package's data/ folder. The literal `new URL(…,
 * import.meta.url)` form is what bundlers (Vite, webpack) recognise and emit as an asset.
 */
export function packagedMiceUrl(): URL {
  return new URL('../../data/Data_Cortex_Nuclear.csv.gz', import.meta.url);
}

/** gzip streams start with these two bytes; a server may already have undone the compression. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The package's copy must be the very file the checksum names; a damaged install says so. */
export async function checkPackagedMice(bytes: Uint8Array, location: string): Promise<string> {
  const actual = await sha256Hex(bytes);
  if (actual !== MICE_SHA256) {
    throw damagedCopy(location, `its SHA-256 is ${actual}, expected ${MICE_SHA256}`);
  }
  return new TextDecoder().decode(bytes);
}

/** The error for a shipped copy that is not the file it should be (bad bytes, bad gzip). */
export function damagedCopy(location: string, detail: string, cause?: unknown): DatasetError {
  return new DatasetError(
    'CHECKSUM_MISMATCH',
    `The MICE data shipped with @lassonet/datasets (${location}) is damaged: ${detail}. Reinstall the package.`,
    cause === undefined ? undefined : { cause },
  );
}
