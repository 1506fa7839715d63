import { type BackendAdapter, hostView, tf, useBackend } from '@lassonet/backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from './cases/index.js';
import type { Tolerance } from './check.js';
import { checkCase } from './checkCase.js';

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

    it(`hostView: ${adapter.hostView ? "a view of the tensor's own storage" : 'undefined'}`, () => {
      const x = tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const labels = tf.tensor1d([1, 0, 2], 'int32');
      const view = hostView(x);
      if (adapter.hostView === undefined) {
        expect(view).toBeUndefined();
      } else {
        expect(Array.from(view ?? [])).toEqual([1, 2, 3, 4, 5, 6]);
        expect(view).toBeInstanceOf(Float32Array);
        expect(hostView(labels)).toBeInstanceOf(Int32Array);
        // Writing to a fresh tensor's view changes the tensor itself: no copy in between.
        const fresh = tf.fill([2, 2], 0);
        const freshView = hostView(fresh);
        freshView?.set([9, 8, 7, 6]);
        expect(Array.from(fresh.dataSync())).toEqual([9, 8, 7, 6]);
        fresh.dispose();
      }
      x.dispose();
      expect(hostView(x), 'a disposed tensor has no view').toBeUndefined();
      labels.dispose();
    });
  });
}
