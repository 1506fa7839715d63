// Runs in a dedicated Web Worker: no document, only OffscreenCanvas.
import { tf, useBackend } from '@lassonet/backend';
import { probeWebgl2 } from '../probeWebgl2.js';
import '../index.js';

async function run() {
  const probe = probeWebgl2();
  const name = await useBackend('auto');
  const x = tf.tensor2d([
    [1, 2],
    [3, 4],
  ]);
  const y = tf.matMul(x, x);
  const product = Array.from(await y.data());
  tf.dispose([x, y]);
  return { hasDocument: typeof document !== 'undefined', probe, name, product };
}

run().then(
  (result) => postMessage(result),
  (error: unknown) => postMessage({ error: String(error) }),
);
