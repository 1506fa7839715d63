#!/usr/bin/env node
// Where the time of the default MICE path goes, kernel by kernel (wasm): every kernel the
// backend runs is wrapped with a timer, then the path trains once. Prints the path's time per
// epoch, and per kernel its total time, calls per epoch and time per call; then the costliest
// kernels by input shapes. Kernels that run others (LassoNetDenseRelu, LassoNetInputProduct)
// include them, so totals overlap.
//   node profile.mjs
import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { loadMiceSplit } from '@lassonet/datasets';
import { LassoNetClassifier } from '@lassonet/path';

await useBackend('wasm');
const byKernel = new Map();
const byShape = new Map();
for (const kernel of tf.getKernelsForBackend('wasm')) {
  const run = kernel.kernelFunc;
  tf.unregisterKernel(kernel.kernelName, 'wasm');
  tf.registerKernel({
    ...kernel,
    kernelFunc: (args) => {
      const start = performance.now();
      const out = run(args);
      const ms = performance.now() - start;
      const k = byKernel.get(kernel.kernelName) ?? { calls: 0, ms: 0 };
      k.calls++;
      k.ms += ms;
      byKernel.set(kernel.kernelName, k);
      const shapes = Object.values(args.inputs ?? {})
        .map((t) => t?.shape?.join('x'))
        .join(', ');
      const key = `${kernel.kernelName} ${shapes}`;
      byShape.set(key, (byShape.get(key) ?? 0) + ms);
      return out;
    },
  });
}

const split = await loadMiceSplit({ seed: 0 });
const model = new LassoNetClassifier({ seed: 0 });
const start = performance.now();
const steps = await model.path(split.XTrain, split.yTrain, { onWarning: () => {} });
const ms = performance.now() - start;
const epochs = steps.reduce((total, s) => total + s.epochs, 0);
console.log(
  `path: ${(ms / 1000).toFixed(2)} s, ${steps.length - 1} lambdas, ${epochs} epochs, ${(ms / epochs).toFixed(3)} ms per epoch (with the timers)`,
);
for (const [name, k] of [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `${name.padEnd(24)} ${k.ms.toFixed(0).padStart(6)} ms ${(k.calls / epochs).toFixed(2).padStart(6)} per epoch ${((1000 * k.ms) / k.calls).toFixed(1).padStart(7)} µs per call`,
  );
}
console.log('\ncostliest kernels by input shapes:');
for (const [key, total] of [...byShape.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${total.toFixed(0).padStart(6)} ms  ${key}`);
}
