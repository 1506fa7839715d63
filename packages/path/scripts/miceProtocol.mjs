// The MICE faithfulness protocol: for each seed, the seed demo's split and scaling, the default
// classifier path on the training part, then for k = 10, 20, 50 the first step with at most k
// features, a dense model trained on those features only, and its test accuracy.
//
//   pnpm --filter @lassonet/path build && node packages/path/scripts/miceProtocol.mjs \
//     [--seeds 0,1,2] [--backend wasm] [--data FILE] [--json]
import { parseArgs } from 'node:util';
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { loadMiceSplit } from '@lassonet/datasets';
import { LassoNetClassifier, selectedIndices, stepWithAtMost } from '@lassonet/path';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '0,1,2' },
    backend: { type: 'string', default: 'wasm' },
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const seeds = values.seeds.split(',').map(Number);
const sizes = [10, 20, 50];
const backend = await useBackend(values.backend);
const log = values.json ? () => {} : (line) => console.log(line);
log(`backend ${backend}`);

const columns = (rows, index) => rows.map((row) => index.map((j) => row[j]));
const runs = [];
for (const seed of seeds) {
  const split = await loadMiceSplit({ seed, ...(values.data ? { path: values.data } : {}) });
  const model = new LassoNetClassifier({ seed });
  const start = performance.now();
  const path = await model.path(split.XTrain, split.yTrain);
  const seconds = (performance.now() - start) / 1000;
  const epochs = path.reduce((total, step) => total + step.epochs, 0);
  const run = {
    seed,
    seconds,
    lambdas: path.length - 1,
    epochs,
    lambdaStart: model.lambdaStart,
    sizes: {},
  };
  log(
    `seed ${seed}: path ${seconds.toFixed(1)} s, ${run.lambdas} lambdas, ${epochs} epochs, lambdaStart ${model.lambdaStart.toPrecision(3)}`,
  );
  model.dispose();
  for (const k of sizes) {
    const step = stepWithAtMost(path, k);
    const index = selectedIndices(step);
    const dense = new LassoNetClassifier({ seed });
    await dense.fit(columns(split.XTrain, index), split.yTrain, { denseOnly: true });
    const accuracy = dense.score(columns(split.XTest, index), split.yTest);
    dense.dispose();
    run.sizes[k] = { nSelected: step.nSelected, lambda: step.lambda, accuracy };
    log(
      `  k=${k}: ${step.nSelected} features at lambda ${step.lambda.toPrecision(4)}, test accuracy ${accuracy.toFixed(3)}`,
    );
  }
  runs.push(run);
}
const means = Object.fromEntries(
  sizes.map((k) => [k, runs.reduce((a, r) => a + r.sizes[k].accuracy, 0) / runs.length]),
);
log(`mean test accuracy: ${sizes.map((k) => `k=${k} ${means[k].toFixed(3)}`).join(', ')}`);
// The upstream package's figures for the same protocol (mean of seeds 0, 1, 2).
log('upstream LassoNet, same protocol: k=10 0.833, k=20 0.924, k=50 0.989');
if (values.json) console.log(JSON.stringify({ backend, runs, means }, null, 2));
