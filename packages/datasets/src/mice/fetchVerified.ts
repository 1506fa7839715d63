import { DatasetError } from '../errors.js';
import { sha256Hex } from './sha256.js';

/**
 * Downloads `url` and checks its SHA-256 against `sha256` (when given) before anything is
 * done with the bytes. HTTP and network failures are DOWNLOAD_FAILED, a different file is
 * CHECKSUM_MISMATCH; the cause is attached.
 */
export async function fetchVerified(
  url: string,
  sha256: string | undefined,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new DatasetError(
      'DOWNLOAD_FAILED',
      `Could not download ${url}: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new DatasetError(
      'DOWNLOAD_FAILED',
      `Could not download ${url}: HTTP ${response.status} ${response.statusText}.`.replace(
        ' .',
        '.',
      ),
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (sha256 !== undefined) {
    const actual = await sha256Hex(bytes);
    if (actual !== sha256.toLowerCase()) {
      throw new DatasetError(
        'CHECKSUM_MISMATCH',
        `The file downloaded from ${url} is not the expected one: its SHA-256 is ${actual}, expected ${sha256}. Nothing was saved.`,
      );
    }
  }
  return bytes;
}
