import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_FILES, parseReferenceValues, type ReferenceValues } from './fixtures.js';

/** The package directory (this file is src/test-utils/loadReferenceValues.ts). */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Reads the golden values committed in test/fixtures. */
export function loadReferenceValues(): ReferenceValues {
  const read = (file: string) => readFileSync(join(packageDir, file), 'utf8');
  return parseReferenceValues({
    hierProx: read(FIXTURE_FILES.hierProx),
    groupHierProx: read(FIXTURE_FILES.groupHierProx),
  });
}
