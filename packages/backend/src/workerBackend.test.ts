import { describe, expect, it } from 'vitest';
import type { BackendAdapter } from './adapter.js';
import { registerAdapter } from './registry.js';
import { tf } from './tf.js';
import { setTfBackend } from './useBackend.js';
import { useWorkerBackend, workerBackend } from './workerBackend.js';

/** An adapter over a bare tfjs backend: enough to be activated and named. */
function bareAdapter(name: string): BackendAdapter {
  tf.registerBackend(name, () => new tf.KernelBackend());
  return {
    name,
    packageName: `@example/backend-${name}`,
    moduleUrl: `file:///example/${name}/index.js`,
    async probe() {
      return { available: true };
    },
    async activate() {
      await setTfBackend(name);
    },
  };
}

describe('workerBackend', () => {
  it("describes the active backend with its adapter's module, and a worker activates it", async () => {
    expect(workerBackend()).toBeUndefined();
    registerAdapter(bareAdapter('bare'));
    // Registered already: the module is not imported again.
    expect(await useWorkerBackend({ name: 'bare', moduleUrl: 'file:///nowhere.js' })).toBe('bare');
    expect(workerBackend()).toEqual({ name: 'bare', moduleUrl: 'file:///example/bare/index.js' });
  });
});
