import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedSmoke, smokeScript } from './smokeScript.js';
import { publishablePackages, repoRoot, runNodeModule } from './workspace.js';

const here = join(repoRoot, 'tooling/package-tests');

// Adapters export themselves by name and as default; the other packages their main API.
const EXPECTED_EXPORTS: Record<string, string[]> = {
  '@lassonet/backend': ['tf', 'useBackend', 'backendName', 'defineHostKernel', 'denseRelu'],
  '@lassonet/hier-prox': ['hierProx', 'hierProxInPlace', 'hierProxArrays', 'firstDropPenalty'],
  '@lassonet/datasets': ['loadMice', 'loadMiceSplit', 'csvToMatrix', 'kFold', 'defaultCacheDir'],
  '@lassonet/model': ['LassoNet', 'ModelOptimizer', 'crossEntropy', 'coxLoss', 'concordanceIndex'],
  '@lassonet/path': [
    'LassoNetRegressor',
    'LassoNetClassifier',
    'stepWithAtMost',
    'ModelError',
    'LassoNetClassifierCV',
    'stabilitySelection',
    'StabilitySelection',
    'ESTIMATORS',
    'loadEstimator',
    'defaultWorkers',
    'InProcessExecutor',
    'WorkerThreadExecutor',
    'GridSearchCV',
  ],
  '@lassonet/core': ['LassoNetError', 'parseOptions', 'Random'],
  '@lassonet/cli': ['runCli', 'CliError'],
  '@lassonet/queue': ['BullMQExecutor', 'startQueueWorker', 'QueueError'],
  '@lassonet/plot': ['plotPath', 'plotAccuracy', 'plotCV', 'plotStability', 'plotImportances'],
};

describe('built packages under plain node', () => {
  for (const { manifest } of publishablePackages()) {
    it(`imports ${manifest.name} in a child node process`, () => {
      const { stdout } = runNodeModule(
        `const m = await import('${manifest.name}'); console.log(JSON.stringify(Object.keys(m).sort()));`,
        here,
      );
      const keys = JSON.parse(stdout) as string[];
      expect(keys.length).toBeGreaterThan(0);
      const expected = EXPECTED_EXPORTS[manifest.name];
      if (expected !== undefined) {
        expect(keys).toEqual(expect.arrayContaining(expected));
      } else {
        const adapterName = manifest.name.replace('@lassonet/backend-', '');
        expect(keys).toEqual(expect.arrayContaining(['default', adapterName]));
      }
    });
  }

  it("activates backends, 'auto' picks wasm, webgl gives the clear error", () => {
    const { stdout } = runNodeModule(smokeScript, here);
    expect(JSON.parse(stdout)).toEqual(expectedSmoke);
  });

  it('exposes the whole tfjs-core API through @lassonet/backend', () => {
    const { stdout } = runNodeModule(
      `import { tf } from '@lassonet/backend';
       import * as core from '@tensorflow/tfjs-core';
       const missing = Object.keys(core).filter((k) => k !== 'default' && !(k in tf));
       console.log(JSON.stringify({ missing, same: tf.engine() === core.engine() }));`,
      here,
    );
    expect(JSON.parse(stdout)).toEqual({ missing: [], same: true });
  });
});
