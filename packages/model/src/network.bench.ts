import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { useBackend } from '@lassonet/backend';
import { Random } from '@lassonet/core';
import { afterAll, bench, describe } from 'vitest';
import {
  type Batch,
  crossEntropy,
  LassoNet,
  ModelOptimizer,
  meanSquaredError,
  RowSplitThread,
} from './index.js';

// V8 compiles WebAssembly in tiers and swaps in the optimised code for hot functions while the
// program runs; under the test runner that takes seconds. The warm-up lasts long enough that the
// samples time the optimised code, as a path of thousands of epochs runs it.
const WARMUP = { warmupTime: 3000, warmupIterations: 20 };

// One full-batch training epoch at the MICE size (778 training rows × 77 proteins → 100 → 8
// classes), with the validation pass (86 rows) that early stopping reads once per epoch.
interface EpochState {
  net: LassoNet;
  train: Batch;
  val: Batch;
  optimizer: ModelOptimizer;
}

/** One epoch as a path runs it: a step with the prox, then the validation objective. */
function epoch(state: EpochState | undefined): void {
  if (state === undefined) throw new Error('setup did not run');
  state.net.step(state.train, { optimizer: state.optimizer, lambda: 1 });
  state.net.evaluateSync(state.val, { lambda: 1 });
}

function setupEpoch(seed: number): EpochState {
  const random = new Random(seed);
  const rows = (n: number) =>
    Array.from({ length: n }, () => Array.from({ length: 77 }, () => random.float()));
  const labels = (n: number) => Array.from({ length: n }, () => random.int(0, 7));
  const net = new LassoNet({ nFeatures: 77, hiddenDims: [100], nOutputs: 8, seed });
  const train = net.prepare(rows(778), labels(778), crossEntropy());
  const val = net.prepare(rows(86), labels(86), crossEntropy());
  const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 1e-3, momentum: 0.9 });
  return { net, train, val, optimizer };
}

for (const backend of ['wasm', 'cpu']) {
  describe(`${backend} MICE-sized epoch 778x77 -> 100 -> 8`, () => {
    let state: EpochState | undefined;
    const setup = async () => {
      await useBackend(backend);
      state ??= setupEpoch(0);
    };
    bench('step + prox + validation objective', () => epoch(state), {
      setup,
      time: backend === 'cpu' ? 3000 : 2000,
      ...WARMUP,
    });
    bench(
      'step + prox only',
      () => {
        if (state === undefined) throw new Error('setup did not run');
        state.net.step(state.train, { optimizer: state.optimizer, lambda: 1 });
        state.net.skip.dataSync();
      },
      { setup, time: 2000, ...WARMUP },
    );
  });
}

// The same epoch with the training step split between two threads (`RowSplitThread`). The helper
// runs the package's built script.
describe('wasm MICE-sized epoch on two threads', () => {
  let state: EpochState | undefined;
  let thread: RowSplitThread | undefined;
  const setup = async () => {
    await useBackend('wasm');
    thread ??= await RowSplitThread.start({
      workerUrl: new URL('../dist/threads/rowSplitWorker.js', import.meta.url),
    });
    if (state === undefined) {
      state = setupEpoch(0);
      state.net.useThread(thread);
    }
  };
  // Closed once the samples are taken (bench teardown hooks also run between warm-up and samples).
  afterAll(async () => {
    await thread?.close();
  });
  bench('step + prox + validation objective', () => epoch(state), {
    setup,
    time: 2000,
    ...WARMUP,
  });
});

// One full-batch epoch of wide regression (150 rows × 5000 features → 100 → 1) as a path runs
// it: 135 training rows and the validation objective on the 15 held out (valSize 0.1). The prox
// over 5000 features and the 5000×100 first layer dominate.
for (const backend of ['wasm', 'cpu']) {
  describe(`${backend} wide regression epoch 150x5000 -> 100 -> 1`, () => {
    let state: EpochState | undefined;
    const setup = async () => {
      await useBackend(backend);
      if (state !== undefined) return;
      const random = new Random(1);
      const X = Array.from({ length: 150 }, () =>
        Array.from({ length: 5000 }, () => random.float()),
      );
      const y = Array.from({ length: 150 }, () => random.float());
      const net = new LassoNet({ nFeatures: 5000, hiddenDims: [100], nOutputs: 1, seed: 1 });
      const train = net.prepare(X.slice(0, 135), y.slice(0, 135), meanSquaredError());
      const val = net.prepare(X.slice(135), y.slice(135), meanSquaredError());
      const optimizer = new ModelOptimizer({ name: 'sgd', learningRate: 1e-3, momentum: 0.9 });
      state = { net, train, val, optimizer };
    };
    bench('step + prox + validation objective', () => epoch(state), {
      setup,
      time: 2000,
      ...WARMUP,
    });
  });
}
