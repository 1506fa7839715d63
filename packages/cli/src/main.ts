#!/usr/bin/env node
import { runCli } from './runCli.js';

// Ctrl-C stops training between epochs; the command then writes nothing and exits with 130.
// A second Ctrl-C (or SIGTERM) asks for a prompt, clean stop (a worker puts its task back), and
// exits anyway a few seconds later; a third exits at once.
const controller = new AbortController();
const release = new AbortController();
const exitSoon = () => setTimeout(() => process.exit(130), 5000).unref();
const onSigint = () => {
  if (!controller.signal.aborted) return controller.abort();
  if (release.signal.aborted) process.exit(130);
  release.abort();
  exitSoon();
};
const onSigterm = () => {
  controller.abort();
  release.abort();
  exitSoon();
};
process.on('SIGINT', onSigint);
process.on('SIGTERM', onSigterm);
process.exitCode = await runCli(process.argv.slice(2), {
  signal: controller.signal,
  release: release.signal,
});
process.off('SIGINT', onSigint);
process.off('SIGTERM', onSigterm);
