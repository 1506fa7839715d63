import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_VALUES, type ReferenceValues } from './fixtures.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Reads the golden values from ../shared (never a committed copy). */
export function loadReferenceValues(): ReferenceValues {
  return JSON.parse(readFileSync(join(repoRoot, REFERENCE_VALUES), 'utf8')) as ReferenceValues;
}
