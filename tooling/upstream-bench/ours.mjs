#!/usr/bin/env node
// One case of `pnpm bench:upstream` on this project's packages; prints one JSON line.
//   node ours.mjs CASE DATA.json [THREADS]
// The same cases, data and settings as upstream.py, on the wasm backend.
import { readFileSync } from 'node:fs';
import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { hierProx } from '@lassonet/hier-prox';
import { LassoNetClassifier, LassoNetRegressor } from '@lassonet/path';

const [kase, dataPath, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const backend = await useBackend('wasm');
const out = { case: kase, side: 'ours', backend, threads };

if (kase === 'prox') {
  out.sizes = data.sizes.map(({ K, H, d, skip, hidden, warmup, repeats }) => {
    const w = tf.tensor2d(Float32Array.from(skip), [d, K]);
    const u = tf.tensor2d(Float32Array.from(hidden), [d, H]);
    const once = () => {
      const r = hierProx(w, u, { lambda: data.lambda, M: data.M });
      // cpu and wasm compute eagerly; reading the small output waits for the work.
      r.skip.dataSync();
      tf.dispose([r.skip, r.hidden]);
    };
    for (let i = 0; i < warmup; i++) once();
    const times = [];
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      once();
      times.push(performance.now() - start);
    }
    tf.dispose([w, u]);
    times.sort((a, b) => a - b);
    return { K, H, d, ms: times[Math.floor(times.length / 2)] };
  });
} else {
  const { X, y, settings } = data;
  const model =
    kase === 'mice'
      ? new LassoNetClassifier({ seed: 0, threads })
      : new LassoNetRegressor({
          seed: 0,
          threads,
          hiddenDims: settings.hiddenDims,
          lambdaSeq: settings.lambdaSeq,
          nIters: settings.nIters,
          patience: settings.patience,
        });
  const start = performance.now();
  const steps = await model.path(X, y, { onWarning: () => {} });
  out.seconds = (performance.now() - start) / 1000;
  out.lambdas = steps.length - 1;
  out.epochs = steps.reduce((total, s) => total + s.epochs, 0);
  out.selected = steps.map((s) => s.nSelected);
  model.dispose();
}
console.log(JSON.stringify(out));
