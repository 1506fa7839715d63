import { afterEach, describe, expect, it } from 'vitest';
import type { BackendAdapter, BackendProbe } from './adapter.js';
import {
  BackendError,
  BackendNotInstalledError,
  BackendUnavailableError,
  NoBackendAvailableError,
} from './errors.js';
import { defineHostKernel, type HostKernelDefinition } from './kernels.js';
import {
  clearAdaptersForTesting,
  importKnownAdapter,
  registerAdapter,
  registeredBackends,
} from './registry.js';
import { tf } from './tf.js';
import { availableBackends, backendName, installedBackends, useBackend } from './useBackend.js';

/** An adapter that records activations instead of touching tfjs. */
function fakeAdapter(name: string, probe: BackendProbe, activate?: () => Promise<void>) {
  const calls: string[] = [];
  const adapter: BackendAdapter = {
    name,
    packageName: `@example/backend-${name}`,
    async probe() {
      return probe;
    },
    async activate() {
      calls.push(name);
      await activate?.();
    },
  };
  return { adapter, calls };
}

const available: BackendProbe = { available: true };

/** The error `attempt` rejects with, checked to be a `type` so its fields can be read. */
async function rejection<E extends Error>(
  attempt: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await attempt.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  return error as E;
}

afterEach(() => clearAdaptersForTesting());

describe('useBackend', () => {
  it("'auto' prefers webgl, then wasm, then cpu among the installed adapters", async () => {
    const cpu = fakeAdapter('cpu', available);
    const wasm = fakeAdapter('wasm', available);
    registerAdapter(cpu.adapter);
    registerAdapter(wasm.adapter);
    await expect(useBackend('auto')).resolves.toBe('wasm');
    expect(wasm.calls).toEqual(['wasm']);
    expect(cpu.calls).toEqual([]);
  });

  it("'auto' skips a backend that cannot run here", async () => {
    const webgl = fakeAdapter('webgl', { available: false, reason: 'no WebGL2' });
    const cpu = fakeAdapter('cpu', available);
    registerAdapter(cpu.adapter);
    registerAdapter(webgl.adapter);
    await expect(useBackend('auto')).resolves.toBe('cpu');
    expect(webgl.calls).toEqual([]);
  });

  it("'auto' falls through when an activation fails", async () => {
    const webgl = fakeAdapter('webgl', available, async () => {
      throw new Error('context lost');
    });
    const cpu = fakeAdapter('cpu', available);
    registerAdapter(webgl.adapter);
    registerAdapter(cpu.adapter);
    await expect(useBackend('auto')).resolves.toBe('cpu');
    expect(webgl.calls).toEqual(['webgl']);
  });

  it("'auto' with nothing usable names every reason", async () => {
    registerAdapter(fakeAdapter('webgl', { available: false, reason: 'no WebGL2' }).adapter);
    const error = await rejection(useBackend('auto'), NoBackendAvailableError);
    expect(error.message).toContain('webgl: no WebGL2');
  });

  it("'auto' with no adapter at all says how to install one", async () => {
    const error = await rejection(useBackend('auto'), NoBackendAvailableError);
    expect(error.code).toBe('NO_BACKEND_AVAILABLE');
    expect(error.message).toContain('@lassonet/backend-wasm');
  });

  it('a backend that cannot run here is a BackendUnavailableError naming the alternatives', async () => {
    registerAdapter(fakeAdapter('webgl', { available: false, reason: 'not a browser' }).adapter);
    registerAdapter(fakeAdapter('wasm', available).adapter);
    const error = await rejection(useBackend('webgl'), BackendUnavailableError);
    expect(error.available).toEqual(['wasm']);
    expect(error.message).toBe(
      "Backend 'webgl' cannot run here: not a browser. Backends that can run here: wasm.",
    );
  });

  it('a known backend that is not installed names its package and what is installed', async () => {
    registerAdapter(fakeAdapter('cpu', available).adapter);
    const error = await rejection(useBackend('wasm'), BackendNotInstalledError);
    expect(error.installed).toEqual(['cpu']);
    expect(error.message).toContain('Install @lassonet/backend-wasm');
    expect(error.message).toContain('Installed backends: cpu.');
  });

  it('an unknown name lists the known ones', async () => {
    const error = await rejection(useBackend('cuda'), BackendNotInstalledError);
    expect(error.message).toContain('Known backends are cpu, wasm, webgl');
    expect(error.message).toContain('Installed backends: none.');
  });

  it('an adapter object is registered and activated', async () => {
    const custom = fakeAdapter('custom', available);
    await expect(useBackend(custom.adapter)).resolves.toBe('custom');
    expect(registeredBackends()).toEqual(['custom']);
    expect(custom.calls).toEqual(['custom']);
  });

  it('an activation error that is not a BackendError is wrapped with its cause', async () => {
    const cause = new Error('out of memory');
    const broken = fakeAdapter('wasm', available, async () => {
      throw cause;
    });
    const error = await rejection(useBackend(broken.adapter), BackendUnavailableError);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('out of memory');
  });

  it('activations run one at a time, in call order', async () => {
    const order: string[] = [];
    const slow = fakeAdapter('wasm', available, async () => {
      order.push('wasm:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('wasm:end');
    });
    const fast = fakeAdapter('cpu', available, async () => {
      order.push('cpu');
    });
    registerAdapter(slow.adapter);
    registerAdapter(fast.adapter);
    await Promise.all([useBackend('wasm'), useBackend('cpu')]);
    expect(order).toEqual(['wasm:start', 'wasm:end', 'cpu']);
  });

  it('a failed activation does not block the next one', async () => {
    registerAdapter(fakeAdapter('webgl', { available: false, reason: 'nope' }).adapter);
    registerAdapter(fakeAdapter('cpu', available).adapter);
    await expect(useBackend('webgl')).rejects.toThrow(BackendUnavailableError);
    await expect(useBackend('cpu')).resolves.toBe('cpu');
  });
});

describe('registry', () => {
  it('refuses two different packages claiming one backend name', () => {
    registerAdapter(fakeAdapter('cpu', available).adapter);
    const other: BackendAdapter = { ...fakeAdapter('cpu', available).adapter, packageName: 'x' };
    expect(() => registerAdapter(other)).toThrow(/Two adapters claim backend 'cpu'/);
  });

  it('reports installed and available backends', async () => {
    registerAdapter(fakeAdapter('cpu', available).adapter);
    registerAdapter(fakeAdapter('webgl', { available: false, reason: 'nope' }).adapter);
    await expect(installedBackends()).resolves.toEqual(['cpu', 'webgl']);
    await expect(availableBackends()).resolves.toEqual(['cpu']);
  });

  it('registers every host kernel for every adapter that supports them, in either order', () => {
    const seen: string[] = [];
    const withHost = (name: string): BackendAdapter => ({
      ...fakeAdapter(name, available).adapter,
      hostKernel(kernel: HostKernelDefinition) {
        seen.push(`${kernel.name}@${name}`);
        return () => [];
      },
    });
    registerAdapter(withHost('early'));
    registerAdapter(fakeAdapter('gpu', available).adapter);
    defineHostKernel({ name: 'TestHostKernel', outputShapes: () => [], host: () => {} });
    registerAdapter(withHost('late'));
    expect(seen).toEqual(['TestHostKernel@early', 'TestHostKernel@late']);
    expect(tf.getKernel('TestHostKernel', 'early')?.backendName).toBe('early');
    expect(tf.getKernel('TestHostKernel', 'late')?.backendName).toBe('late');
    expect(tf.getKernel('TestHostKernel', 'gpu')).toBeUndefined();
    // Registering the adapter again leaves tfjs' registration as it is.
    registerAdapter(withHost('late'));
    expect(seen).toHaveLength(2);
  });

  it('backendName is undefined before any tfjs backend is active', () => {
    expect(backendName()).toBeUndefined();
  });
});

describe('importKnownAdapter', () => {
  it('treats a package that cannot be found as not installed', async () => {
    const missing = async (specifier: string) => {
      throw new Error(`Cannot find package '${specifier}' imported from /app/index.js`);
    };
    await expect(importKnownAdapter('wasm', missing)).resolves.toBeUndefined();
  });

  it('reports an installed adapter that fails to load, with the cause', async () => {
    const cause = new Error("Cannot find package '@tensorflow/tfjs-backend-wasm'");
    const broken = async () => {
      throw cause;
    };
    const error = await rejection(importKnownAdapter('wasm', broken), BackendError);
    expect(error.code).toBe('ADAPTER_LOAD_FAILED');
    expect(error.message).toBe(
      "@lassonet/backend-wasm is installed but could not be loaded: Cannot find package '@tensorflow/tfjs-backend-wasm'",
    );
    expect(error.cause).toBe(cause);
  });

  it('registers what the imported package registers', async () => {
    const wasm = fakeAdapter('wasm', available).adapter;
    const load = async () => registerAdapter(wasm);
    await expect(importKnownAdapter('wasm', load)).resolves.toBe(wasm);
  });

  it('imports nothing for a name it does not know', async () => {
    const load = async () => {
      throw new Error('must not be called');
    };
    await expect(importKnownAdapter('cuda', load)).resolves.toBeUndefined();
  });
});
