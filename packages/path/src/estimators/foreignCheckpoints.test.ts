import '../test-utils/onCpu.js';
import { describe, expect, it } from 'vitest';
import { createEstimator, type EstimatorKind } from '../registry.js';
import { expectError } from '../test-utils/checkEstimator.js';
import { thrown } from '../test-utils/errors.js';
import { expectForeignCheckpointRejected } from '../test-utils/foreignCheckpoint.js';

// Each estimator refuses another kind's network, names what it needs, and stays unfitted.
const cases: [EstimatorKind, EstimatorKind, RegExp][] = [
  [
    'classifier',
    'regressor',
    /^The checkpoint's network has 1 outputs; LassoNetClassifier needs at least two \(one per class\)\.$/,
  ],
  [
    'regressor',
    'interval',
    /^The checkpoint is for a network with logSigma; LassoNetRegressor needs none\.$/,
  ],
  [
    'cox',
    'classifier',
    /^The checkpoint's network has 3 outputs; LassoNetCoxRegressor needs one \(the log-hazard\)\.$/,
  ],
  [
    'interval',
    'regressor',
    /^The checkpoint is for a network without logSigma; LassoNetIntervalRegressor needs one\.$/,
  ],
];

describe("a checkpoint of another kind's network", () => {
  it.each(cases)('does not load into the %s (a %s checkpoint)', async (kind, other, message) => {
    const model = createEstimator(kind);
    await expectForeignCheckpointRejected(model, other, message);
    expectError(
      thrown(() => model.network),
      'NOT_FITTED',
      /is not fitted/,
    );
    if (kind === 'classifier') expect((model as { nClasses?: number }).nClasses).toBeUndefined();
  });
});
