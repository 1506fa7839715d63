// Stability selection with 16 models on one queue worker, then on two (each a process of its own
// with one thread), against a redis-server started on loopback for the run: the speed-up a
// second worker gives, and a check that every configuration selects the same way.
// Writes bench-results/queue.json. Usage: node scripts/bench.mjs [--out FILE] [--models N]
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-wasm';
import { makeClassification } from '@lassonet/datasets';
import { InProcessExecutor, stabilitySelection } from '@lassonet/path';
import { startRedisServer } from '@lassonet/redis-server';
import { BullMQExecutor } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'bench-results/queue.json' },
    models: { type: 'string', default: '16' },
  },
});
const nModels = Number(values.models);

await useBackend('wasm');
const { X, y } = makeClassification({
  nSamples: 800,
  nFeatures: 40,
  nInformative: 5,
  nClasses: 3,
  classSep: 1.5,
  seed: 0,
});
const options = { hiddenDims: [32], pathMultiplier: 1.05, seed: 0 };
const select = (executor) =>
  stabilitySelection(X, y, { estimator: 'classifier', options, nModels, seed: 0, executor });

const workerScript = new URL('../src/test-utils/workerProcess.mjs', import.meta.url).pathname;
function startWorker(url) {
  const child = spawn(process.execPath, [workerScript, url, '30000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') resolve({ child, exited });
    });
    child.on('exit', () => reject(new Error('a worker exited before it was ready')));
  });
}

const server = await startRedisServer();
const runs = {};
let reference;
try {
  for (const workers of [1, 2]) {
    const processes = [];
    for (let w = 0; w < workers; w++) processes.push(await startWorker(server.url));
    const executor = await BullMQExecutor.connect(server.url);
    try {
      const started = performance.now();
      const result = await select(executor);
      const seconds = (performance.now() - started) / 1000;
      reference ??= result;
      runs[workers] = {
        seconds,
        sameAsOneWorker:
          JSON.stringify([result.order, result.oracle, result.prob]) ===
          JSON.stringify([reference.order, reference.oracle, reference.prob]),
      };
      console.log(`${workers} worker(s): ${seconds.toFixed(1)} s, ${nModels + 1} paths`);
    } finally {
      await executor.close();
      for (const p of processes) p.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
    }
  }
  // The same selection in this process, for the queue's overhead on one worker.
  const started = performance.now();
  const inProcess = await select(new InProcessExecutor());
  const inProcessSeconds = (performance.now() - started) / 1000;
  console.log(`in this process: ${inProcessSeconds.toFixed(1)} s`);
  const report = {
    date: new Date().toISOString(),
    data: { rows: X.length, features: X[0].length, classes: 3 },
    options,
    nModels,
    oneWorkerSeconds: runs[1].seconds,
    twoWorkersSeconds: runs[2].seconds,
    speedup: runs[1].seconds / runs[2].seconds,
    inProcessSeconds,
    identical:
      runs[2].sameAsOneWorker &&
      JSON.stringify([inProcess.order, inProcess.oracle, inProcess.prob]) ===
        JSON.stringify([reference.order, reference.oracle, reference.prob]),
  };
  console.log(
    `speed-up with a second worker: ${report.speedup.toFixed(2)}x; identical results: ${report.identical}`,
  );
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(`${values.out}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${values.out}.tmp`, values.out);
} finally {
  await server.stop();
}
