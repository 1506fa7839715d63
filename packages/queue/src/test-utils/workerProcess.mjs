// A queue worker in a process of its own, so that a test can kill it with SIGKILL. It prints
// "ready" and then one JSON line per event. Usage: node workerProcess.mjs URL LOCK_MS [CONCURRENCY]
import '@lassonet/backend-wasm';
import '@lassonet/backend-cpu';
import { startQueueWorker } from '../../dist/index.js';

const [url, lockMs, concurrency = '1'] = process.argv.slice(2);
const worker = await startQueueWorker(url, {
  lockDurationMs: Number(lockMs),
  concurrency: Number(concurrency),
  onEvent: (event) => console.log(JSON.stringify({ ...event, at: Date.now() })),
});
console.log('ready');
process.on('SIGTERM', () => {
  void worker.close({ release: true }).then(() => process.exit(0));
});
