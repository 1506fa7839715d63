#!/usr/bin/env node
// One benchmark job in a fresh process (so its peak memory is its own): the default MICE
// classifier path (on one or two threads), or 5-fold cross-validation. Prints one JSON line.
//   node benchJob.js path|cv [DATA] [BACKEND] [CONCURRENCY] [THREADS]
import { tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { availableParallelism } from 'node:os';
import { loadMiceSplit } from '@lassonet/datasets';
import { defaultWorkers } from '@lassonet/path';
import { runDemoCV } from '../core/demoCV.js';
import { runDemoPath } from '../core/demoPath.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';

const [job = 'path', data, backendArg = 'wasm', concurrencyArg = '1', threadsArg = '1'] =
  process.argv.slice(2);
const backend = await useBackend(backendArg);
const split = await loadMiceSplit({ seed: 0, ...(data ? { path: data } : {}) });
const tensorsBefore = tf.memory().numTensors;
if (job === 'path') {
  const threads = Number(threadsArg);
  const { steps, seconds } = await runDemoPath(split, DEFAULT_SETTINGS, { threads });
  console.log(
    JSON.stringify({
      job,
      backend,
      threads,
      seconds,
      lambdas: steps.length - 1,
      epochs: steps.reduce((total, s) => total + s.epochs, 0),
      tensorsBefore,
      tensorsAfter: tf.memory().numTensors,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
} else if (job === 'cv') {
  // 'auto': the estimator's default, defaultWorkers(5, cores).
  const concurrency =
    concurrencyArg === 'auto' ? defaultWorkers(5, availableParallelism()) : Number(concurrencyArg);
  const cv = await runDemoCV(
    split,
    DEFAULT_SETTINGS,
    concurrencyArg === 'auto' ? {} : { concurrency },
  );
  console.log(
    JSON.stringify({
      job,
      backend,
      concurrency,
      seconds: cv.seconds,
      bestLambda: cv.bestLambda,
      nSelected: cv.bestSelected.length,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
} else {
  throw new Error(`Unknown job '${job}': use path or cv.`);
}
