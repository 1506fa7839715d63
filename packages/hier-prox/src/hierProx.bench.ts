import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { type Tensor2D, tf, useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/backend-conformance';
import { bench, describe } from 'vitest';
import { firstDropPenalty, type HierProxMethod, hierProx } from './index.js';

// Sizes K x H x d of the reference figures: MICE (8 classes, 100 hidden, 77 proteins), a wide
// regression, and a large wide model.
const SIZES = [
  { K: 8, H: 100, d: 77 },
  { K: 1, H: 100, d: 5000 },
  { K: 10, H: 1000, d: 10000 },
];

function weights(K: number, H: number, d: number): { skip: Tensor2D; hidden: Tensor2D } {
  const random = new Random(1);
  const skip = new Float32Array(d * K).map(() => 0.1 * random.normal());
  const hidden = new Float32Array(d * H).map(() => 0.1 * random.normal());
  return { skip: tf.tensor2d(skip, [d, K]), hidden: tf.tensor2d(hidden, [d, H]) };
}

for (const backend of ['wasm', 'cpu']) {
  for (const { K, H, d } of SIZES) {
    describe(`${backend} ${K}x${H}x${d}`, () => {
      let w: { skip: Tensor2D; hidden: Tensor2D } | undefined;
      const setup = async () => {
        await useBackend(backend);
        w ??= weights(K, H, d);
      };
      // 'tensors' is the webgl method; timing it here shows why Node uses the kernel.
      const large = d * H > 1e6;
      const methods: HierProxMethod[] =
        large && backend === 'cpu' ? ['arrays'] : ['arrays', 'tensors'];
      for (const method of methods) {
        const slow = large && method === 'tensors';
        bench(
          method,
          () => {
            if (w === undefined) throw new Error('setup did not run');
            const out = hierProx(w.skip, w.hidden, { lambda: 0.01, M: 10, method });
            // cpu and wasm compute eagerly; reading the small skip output waits for the work
            // without timing a copy of the large first-layer kernel.
            out.skip.dataSync();
            tf.dispose([out.skip, out.hidden]);
          },
          slow
            ? { setup, time: 0, iterations: 3, warmupIterations: 1 }
            : { setup, time: large ? 3000 : 1000, warmupIterations: 3 },
        );
      }
    });
  }
}

// The start-of-path search at MICE size. lambdaBar 1e-30 changes no answer on these weights but
// runs the plain kernel at every prox, so the pair shows what the clipped first layer saves.
describe('wasm firstDropPenalty 8x100x77', () => {
  let w: { skip: Tensor2D; hidden: Tensor2D } | undefined;
  const setup = async () => {
    await useBackend('wasm');
    w ??= weights(8, 100, 77);
  };
  for (const [name, lambdaBar] of [
    ['clipped first layer', 0],
    ['plain kernel', 1e-30],
  ] as const) {
    bench(
      name,
      async () => {
        if (w === undefined) throw new Error('setup did not run');
        await firstDropPenalty(w.skip, w.hidden, { M: 10, start: 2e-6, lambdaBar });
      },
      { setup, time: 2000, warmupIterations: 2 },
    );
  }
});
