import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../errors.js';
import { checkPackagedMice, damagedCopy, isGzip, packagedMiceUrl } from './packagedMice.js';

/** The text of the MICE file shipped with the package (or at `url`), read from disk and checked. */
export async function readPackagedMice(
  url: URL = packagedMiceUrl(),
): Promise<{ text: string; location: string }> {
  const location = fileURLToPath(url);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(location));
  } catch (error) {
    throw new DatasetError(
      'MISSING_FILE',
      `The MICE data shipped with @lassonet/datasets is missing (${location}): ${error instanceof Error ? error.message : String(error)}. Reinstall the package.`,
      { cause: error },
    );
  }
  return { text: await checkPackagedMice(inflate(bytes, location), location), location };
}

function inflate(bytes: Uint8Array, location: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (error) {
    throw damagedCopy(location, error instanceof Error ? error.message : String(error), error);
  }
}
