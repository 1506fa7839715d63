import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = join(appDir, '../..');
/**
 * Writes the MICE CSV that ships (gzipped) with @lassonet/datasets into `dir` and returns its
 * path, for tests of `--data FILE` and LASSONET_DATA_DIR.
 */
export function writeMiceCsv(dir: string): string {
  const gzipped = join(repoRoot, 'packages/datasets/data/Data_Cortex_Nuclear.csv.gz');
  const file = join(dir, 'Data_Cortex_Nuclear.csv');
  writeFileSync(file, gunzipSync(readFileSync(gzipped)));
  return file;
}
/** Test artefacts worth looking at (git-ignored). */
export const artifactsDir = join(appDir, 'test-artifacts');
