import { BackendUnavailableError, backendName, useBackend } from '@lassonet/backend';
import { describe, expect, it } from 'vitest';
import { probeWebgl2, webgl } from './index.js';

describe('webgl under Node', () => {
  it('probes as unavailable, saying why', () => {
    const probe = probeWebgl2();
    expect(probe.available).toBe(false);
    expect(probe.available === false && probe.reason).toMatch(/needs a browser or a Web Worker/);
  });

  it('useBackend("webgl") is a clear BackendUnavailableError and activates nothing', async () => {
    const error = await useBackend('webgl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).backend).toBe('webgl');
    expect((error as Error).message).toMatch(
      /^Backend 'webgl' cannot run here: WebGL2 needs a browser .*\. Backends that can run here: none\.$/,
    );
    expect(backendName()).toBeUndefined();
  });

  it('the adapter object gives the same error', async () => {
    await expect(useBackend(webgl)).rejects.toThrow(BackendUnavailableError);
  });
});
