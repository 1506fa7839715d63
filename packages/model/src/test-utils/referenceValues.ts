import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckpointWeights } from '../checkpoint.js';

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

/** One case of test/fixtures/l2-objective.json (see its `about`): weights as in a checkpoint. */
export interface L2ObjectiveFixture extends Omit<CheckpointWeights, 'logSigma'> {
  name: string;
  X: number[][];
  /** Regression targets (mean squared error), or `labels` (cross-entropy). */
  y?: number[][];
  labels?: number[];
  lambda: number;
  gamma: number;
  gammaSkip: number;
  loss: number;
  objective: number;
  gradients: Omit<CheckpointWeights, 'logSigma'>;
}

/** The reference's training gradient and validation objective with L2 terms, on given weights. */
export function l2ObjectiveFixtures(): L2ObjectiveFixture[] {
  const file = JSON.parse(
    readFileSync(join(packageDir, 'test/fixtures/l2-objective.json'), 'utf8'),
  ) as { cases: L2ObjectiveFixture[] };
  return file.cases;
}
