import './test-utils/onCpu.js';
import { describe, expect, it } from 'vitest';
import { ESTIMATOR_KINDS, type EstimatorKind } from './registry.js';
import {
  CONTRACT_CHECKS,
  CONTRACT_DATA,
  checkEstimator,
  contractData,
  kindsWithoutData,
} from './test-utils/checkEstimator.js';

describe('the estimator contract', () => {
  it('has a data factory for every registered estimator', () => {
    expect(kindsWithoutData()).toEqual([]);
    expect(Object.keys(CONTRACT_DATA).sort()).toEqual([...ESTIMATOR_KINDS].sort());
  });

  it('fails clearly on a kind without a data factory', async () => {
    const unknown = 'survivalForest' as EstimatorKind;
    expect(() => contractData(unknown)).toThrow(
      "The estimator kind 'survivalForest' is registered but has no data factory: add one to CONTRACT_DATA",
    );
    await expect(checkEstimator(unknown)).rejects.toThrow(/has no data factory/);
  });
});

// Every registered estimator, every check: a new kind in ESTIMATORS is checked here as it is.
describe.each(ESTIMATOR_KINDS)('%s', (kind) => {
  for (const [name, check] of Object.entries(CONTRACT_CHECKS)) {
    it(name, () => check(kind));
  }
});
