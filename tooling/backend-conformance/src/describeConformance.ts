import { type BackendAdapter, tf, useBackend } from '@lassonet/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from './cases/index.js';
import type { Tolerance } from './check.js';
import { checkCase } from './checkCase.js';
import { describeHostKernels } from './hostKernels.js';

/**
 * Registers the conformance suite for one adapter: activates it, then runs every case on it,
 * checking each result against its float64 reference and that no case leaks a tensor.
 * Call it at the top level of a test file; tfjs has one engine per file (vitest isolates files).
 */
export function describeConformance(adapter: BackendAdapter, options: Tolerance = {}): void {
  describe(`conformance on ${adapter.name}`, () => {
    beforeAll(async () => {
      await useBackend(adapter);
      expect(tf.getBackend()).toBe(adapter.name);
    });

    for (const conformanceCase of cases) {
      it(conformanceCase.name, async () => {
        const before = tf.memory().numTensors;
        const verdict = checkCase(await conformanceCase.run(tf), options);
        expect(verdict.ok, `${conformanceCase.name} on ${adapter.name}:\n${verdict.message}`).toBe(
          true,
        );
        expect(tf.memory().numTensors, 'tensors left undisposed').toBe(before);
      });
    }

    describeHostKernels(adapter);
  });
}
