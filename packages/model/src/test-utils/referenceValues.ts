import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package directory (this file is src/test-utils/referenceValues.ts). */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Cox golden values, relative to the package directory (test/fixtures/README.md says where
 * they come from).
 */
export const REFERENCE_VALUES = 'test/fixtures/cox.json';

/** The loss and its gradient with respect to each log-hazard, for one way of handling ties. */
export interface CoxLossFixture {
  loss: number;
  grad: number[];
}

/**
 * One case of the reference's CoxPHLoss and concordance_index in float32: gradients rounded to 7
 * decimals, losses as float32 gives them.
 */
export interface CoxFixture {
  name: string;
  logHazard: number[];
  durations: number[];
  /** 0 censored, 1 event. */
  events: (0 | 1)[];
  breslow: CoxLossFixture;
  efron: CoxLossFixture;
  /** concordance_index(logHazard, durations, events). */
  concordance: number;
}

/** test/fixtures/cox.json: what its values are, where they come from, and the cases. */
export interface CoxFixtureFile {
  about: string;
  provenance: Record<string, unknown>;
  cases: CoxFixture[];
}

/** The golden values this package tests against. */
export interface ReferenceValues {
  cox: CoxFixture[];
}

let cached: ReferenceValues | undefined;

/** Reads the committed fixtures once. */
export function loadReferenceValues(): ReferenceValues {
  if (cached === undefined) {
    const file = JSON.parse(
      readFileSync(join(packageDir, REFERENCE_VALUES), 'utf8'),
    ) as CoxFixtureFile;
    cached = { cox: file.cases };
  }
  return cached;
}

/** The Cox cases of the golden values. */
export function coxFixtures(): CoxFixture[] {
  return loadReferenceValues().cox;
}
