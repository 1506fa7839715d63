import { describe, expect, it } from 'vitest';

describe('webgl in a Web Worker', () => {
  it('probes WebGL2 through OffscreenCanvas and computes there', async () => {
    const worker = new Worker(new URL('./test-utils/webglWorker.ts', import.meta.url), {
      type: 'module',
    });
    try {
      const result = await new Promise((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message));
      });
      expect(result).toEqual({
        hasDocument: false,
        probe: { available: true },
        name: 'webgl',
        product: [7, 10, 15, 22],
      });
    } finally {
      worker.terminate();
    }
  });
});
