/**
 * What a user's first script does: activate backends by name and 'auto', compute, and hit
 * the webgl error. Run under plain `node`, it prints one JSON line.
 */
export const smokeScript = `
import { useBackend, backendName, tf, BackendUnavailableError } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import '@lassonet/backend-webgl';

const result = {};
result.auto = await useBackend('auto');
result.active = backendName();
const a = tf.tensor2d([[1, 2], [3, 4]]);
const b = tf.tensor2d([[5, 6], [7, 8]]);
result.wasmProduct = Array.from(await tf.matMul(a, b).data());
result.cpu = await useBackend('cpu');
result.cpuProduct = Array.from(await tf.matMul(a, b, true, false).data());
try {
  await useBackend('webgl');
  result.webgl = 'activated';
} catch (error) {
  result.webgl = { name: error.name, isTyped: error instanceof BackendUnavailableError, message: error.message };
}
console.log(JSON.stringify(result));
`;

export interface SmokeResult {
  auto: string;
  active: string;
  wasmProduct: number[];
  cpu: string;
  cpuProduct: number[];
  webgl: { name: string; isTyped: boolean; message: string };
}

export const expectedSmoke = {
  auto: 'wasm',
  active: 'wasm',
  wasmProduct: [19, 22, 43, 50],
  cpu: 'cpu',
  cpuProduct: [26, 30, 38, 44],
  webgl: {
    name: 'BackendUnavailableError',
    isTyped: true,
    message:
      "Backend 'webgl' cannot run here: WebGL2 needs a browser or a Web Worker with OffscreenCanvas, and this environment (for example Node) has neither. Backends that can run here: cpu, wasm.",
  },
} satisfies SmokeResult;
