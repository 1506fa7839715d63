// A user's page: no set-up beyond importing the adapter; the bundler must emit the binaries.
import { tf, useBackend } from '@lassonet/backend';
import { wasm } from '../../dist/index.js';

try {
  const name = await useBackend(wasm);
  const x = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const product = Array.from(await tf.matMul(x, x).data());
  window.__result = { name, product };
} catch (error) {
  window.__result = { error: String(error) };
}
