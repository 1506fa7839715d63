// Importing tfjs' WebGL backend registers it with tfjs-core's engine (in browsers only).
import '@tensorflow/tfjs-backend-webgl';
import { type BackendAdapter, registerAdapter, setTfBackend } from '@lassonet/backend';
import { probeWebgl2 } from './probeWebgl2.js';

/** The adapter for tfjs' WebGL2 backend: browsers, and Web Workers with OffscreenCanvas. */
export const webgl: BackendAdapter = {
  name: 'webgl',
  packageName: '@lassonet/backend-webgl',
  moduleUrl: import.meta.url,
  async probe() {
    return probeWebgl2();
  },
  async activate() {
    await setTfBackend('webgl');
  },
};

registerAdapter(webgl);

export { probeWebgl2 };
export default webgl;
