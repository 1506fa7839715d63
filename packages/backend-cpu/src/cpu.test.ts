import { backendName, tf, useBackend } from '@lassonet/backend';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cpu } from './index.js';

afterEach(() => vi.restoreAllMocks());

describe('cpu adapter', () => {
  it('is registered on import and activates by name', async () => {
    await expect(useBackend('cpu')).resolves.toBe('cpu');
    expect(backendName()).toBe('cpu');
    expect(cpu.name).toBe('cpu');
    await expect(cpu.probe()).resolves.toEqual({ available: true });
  });

  it('names the module that registers it, for workers to import', async () => {
    const module = (await import(cpu.moduleUrl as string)) as { cpu: unknown };
    expect(module.cpu).toBe(cpu);
  });

  it('does not print tfjs-node advice on first use under Node', async () => {
    const warn = vi.spyOn(console, 'warn');
    await useBackend(cpu);
    const x = tf.tensor1d([1, 2, 3]);
    expect(Array.from(await tf.square(x).data())).toEqual([1, 4, 9]);
    x.dispose();
    const messages = warn.mock.calls.map((call) => call.join(' '));
    expect(messages.filter((m) => m.includes('tfjs-node'))).toEqual([]);
  });
});
