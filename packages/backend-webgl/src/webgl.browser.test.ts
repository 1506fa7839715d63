import { backendName, tf, useBackend } from '@lassonet/backend';
import { expectSmallMatMul } from '@lassonet/backend-conformance';
import { describe, expect, it } from 'vitest';
import { probeWebgl2, webgl } from './index.js';

describe('webgl in headless Chromium', () => {
  it('probes WebGL2 as available', () => {
    expect(probeWebgl2()).toEqual({ available: true });
  });

  it("'auto' picks webgl where WebGL2 works", async () => {
    expect(webgl.name).toBe('webgl');
    await expect(useBackend('auto')).resolves.toBe('webgl');
    expect(backendName()).toBe('webgl');
  });

  it('computes in float32 textures on the GPU path', async () => {
    await useBackend(webgl);
    expect(tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')).toBe(true);
    await expectSmallMatMul();
  });
});
