import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runNodeModule } from './workspace.js';

// Under plain node the built package starts its own worker script, and each worker imports the
// adapter active in the main thread: cross-validation folds in worker threads equal the folds
// trained one after another.
const source = `
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { makeClassification } from '@lassonet/datasets';
import { LassoNetClassifierCV } from '@lassonet/path';

await useBackend('wasm');
const { X, y } = makeClassification({ nSamples: 120, nFeatures: 5, nInformative: 2, classSep: 2, seed: 2 });
const options = { hiddenDims: [8], nIters: [60, 8], patience: [5, 3], pathMultiplier: 1.15, cv: 3 };
const fits = [];
for (const concurrency of [1, 2]) {
  const model = await new LassoNetClassifierCV({ ...options, concurrency }).fit(X, y);
  fits.push(model.cvResult());
  model.dispose();
}
console.log(JSON.stringify({ same: JSON.stringify(fits[0]) === JSON.stringify(fits[1]), best: fits[1].bestLambda }));
`;

describe('parallel paths under plain node', () => {
  it('trains cross-validation folds in worker threads with the same results', () => {
    const { stdout } = runNodeModule(source, join(repoRoot, 'tooling/package-tests'));
    const result = JSON.parse(stdout.trim()) as { same: boolean; best: number };
    expect(result.same).toBe(true);
    expect(result.best).toBeGreaterThan(0);
  }, 120_000);
});
