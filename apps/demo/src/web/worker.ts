// Trains the path off the page's thread, so charts and the stop button stay responsive.
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import '@lassonet/backend-webgl';
import { loadMice, miceSplit } from '@lassonet/datasets';
import { runDemoPath } from '../core/demoPath.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import type { FromWorker, ToWorker } from './messages.js';

let controller: AbortController | undefined;

function send(message: FromWorker): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'stop') {
    controller?.abort();
    return;
  }
  if (controller !== undefined) {
    send({ type: 'error', message: 'A path is already running.' });
    return;
  }
  controller = new AbortController();
  run(message, controller.signal)
    .catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') send({ type: 'stopped' });
      else send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    })
    .finally(() => {
      controller = undefined;
    });
};

async function run(message: Extract<ToWorker, { type: 'run' }>, signal: AbortSignal) {
  const backend = await useBackend(message.backend);
  const data = await loadMice(
    message.source.kind === 'file' ? { file: message.source.file } : { source: 'package' },
  );
  const split = miceSplit(data, { seed: message.seed });
  send({
    type: 'started',
    backend,
    featureNames: split.featureNames,
    nTrain: split.XTrain.length,
    nTest: split.XTest.length,
  });
  const settings = { ...DEFAULT_SETTINGS, seed: message.seed, quick: message.quick };
  const path = await runDemoPath(split, settings, {
    signal,
    onStep: (step, index) => send({ type: 'step', step, index }),
    onWarning: (warning) => console.warn(warning),
  });
  send({ type: 'done', seconds: path.seconds });
}
