#!/usr/bin/env node
import { runCli } from './runCli.js';

// Ctrl-C stops training between epochs; the command then writes nothing and exits with 130.
const controller = new AbortController();
const onSigint = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
process.on('SIGINT', onSigint);
process.exitCode = await runCli(process.argv.slice(2), { signal: controller.signal });
process.off('SIGINT', onSigint);
