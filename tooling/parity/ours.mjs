#!/usr/bin/env node
// One run of `pnpm parity` on this project's packages; prints one JSON line.
//   node ours.mjs PROBLEM SEED WORKDIR [--threads N] [--gamma X] [--l2 gradient|objective-only]
// The same data as upstream.py (the CSV files data.py wrote), on the wasm backend: the default
// path with `seed` = SEED, then every step restored from its checkpoint and scored on the test rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { csvToMatrix } from '@lassonet/datasets';
import { LassoNetClassifier, LassoNetRegressor } from '@lassonet/path';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: 'string', default: '1' },
    gamma: { type: 'string' },
    l2: { type: 'string' },
  },
});
const [problem, seedArg, work] = positionals;
const seed = Number(seedArg);
const read = (part) =>
  csvToMatrix(readFileSync(join(work, `${problem}-${seed}-${part}.csv`), 'utf8'), {
    target: 'y',
    targetType: 'numeric',
  });
const train = read('train');
const test = read('test');

const backend = await useBackend('wasm');
// Only the options the run names: an absent flag leaves the estimator's default in place.
const settings = {
  seed,
  threads: Number(values.threads),
  ...(values.gamma !== undefined && { gamma: Number(values.gamma) }),
  ...(values.l2 !== undefined && { l2: values.l2 }),
};
const model =
  problem === 'digits' ? new LassoNetClassifier(settings) : new LassoNetRegressor(settings);

const warnings = [];
const start = performance.now();
const path = await model.path(train.X, train.y, {
  returnCheckpoints: true,
  onWarning: (message) => warnings.push(message),
});
const seconds = (performance.now() - start) / 1000;

const steps = path.map((step) => {
  model.load(step);
  return {
    lambda: step.lambda,
    nSelected: step.nSelected,
    epochs: step.epochs,
    score: model.score(test.X, test.y),
  };
});
model.dispose();
console.log(
  JSON.stringify({ problem, seed, side: 'ours', backend, settings, seconds, warnings, steps }),
);
