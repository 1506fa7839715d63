import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/model/src/test-utils/referenceValues.ts). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The golden values live beside the repository, never as a committed copy. */
export const REFERENCE_VALUES = '../shared/fixtures/reference-values.json';

/** The loss and its gradient with respect to each log-hazard, for one way of handling ties. */
export interface CoxLossFixture {
  loss: number;
  grad: number[];
}

/** One case of the reference's CoxPHLoss and concordance_index (float32, rounded to 7 decimals). */
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

/** The parts of reference-values.json this package tests against. */
export interface ReferenceValues {
  cox: CoxFixture[];
}

let cached: ReferenceValues | undefined;

/** Reads ../shared/fixtures/reference-values.json once. */
export function loadReferenceValues(): ReferenceValues {
  cached ??= JSON.parse(readFileSync(join(repoRoot, REFERENCE_VALUES), 'utf8')) as ReferenceValues;
  return cached;
}

/** The Cox cases of the golden values. */
export function coxFixtures(): CoxFixture[] {
  return loadReferenceValues().cox;
}
