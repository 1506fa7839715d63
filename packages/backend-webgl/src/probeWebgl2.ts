import type { BackendProbe } from '@lassonet/backend';

/**
 * Whether a WebGL2 context can be created here. Uses OffscreenCanvas where it exists so
 * that the answer is also right inside a Web Worker.
 */
export function probeWebgl2(): BackendProbe {
  const hasOffscreen = typeof OffscreenCanvas !== 'undefined';
  const hasDocument = typeof document !== 'undefined';
  if (!hasOffscreen && !hasDocument) {
    return {
      available: false,
      reason:
        'WebGL2 needs a browser or a Web Worker with OffscreenCanvas, and this environment (for example Node) has neither',
    };
  }
  try {
    const canvas = hasOffscreen ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (gl === null) {
      return { available: false, reason: 'this browser could not create a WebGL2 context' };
    }
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `creating a WebGL2 context failed (${message})` };
  }
}
