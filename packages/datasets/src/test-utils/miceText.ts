import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The gzipped MICE file that ships in the package's data/ folder. */
export const packagedMiceFile = fileURLToPath(
  new URL('../../data/Data_Cortex_Nuclear.csv.gz', import.meta.url),
);

/** The MICE CSV as text, decompressed here independently of the loader. */
export function miceText(): string {
  return gunzipSync(readFileSync(packagedMiceFile)).toString('utf8');
}
