import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = join(appDir, '../..');
/** The MICE copy beside the repository (never committed into it). */
export const sharedMiceDir = join(repoRoot, '../shared/data/mice');
export const sharedMiceFile = join(sharedMiceDir, 'Data_Cortex_Nuclear.csv');
/** Test artefacts worth looking at (git-ignored). */
export const artifactsDir = join(appDir, 'test-artifacts');
