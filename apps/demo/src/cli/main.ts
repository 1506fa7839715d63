#!/usr/bin/env node
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import { CliError, PathProgress, prepareOutDir } from '@lassonet/cli/kit';
import { isLassoNetError } from '@lassonet/core';
import { DatasetError, loadMiceSplit, type MiceSource } from '@lassonet/datasets';
import { type DemoCV, runDemoCV } from '../core/demoCV.js';
import { runDemoPath } from '../core/demoPath.js';
import { type DemoStability, runDemoStability } from '../core/demoStability.js';
import { refitProtocol } from '../core/refit.js';
import type { DemoSummary } from '../core/summary.js';
import { parseCli, USAGE } from './args.js';
import { writeOutputs } from './outputs.js';
import { cvReport, pathTable, protocolTable, selectedProteins, stabilityReport } from './report.js';

async function main(argv: readonly string[]): Promise<number> {
  const o = parseCli(argv);
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  // Human-readable lines go to stdout, except with --json, where stdout is the summary alone.
  const say = o.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
  const outDir = await prepareOutDir(o.out);
  const backend = await useBackend(o.backend);
  const split = await loadMiceSplit({
    seed: o.seed,
    ...(o.data === undefined ? {} : { path: o.data }),
  }).catch((error: unknown) => {
    if (error instanceof DatasetError && error.code === 'MISSING_FILE' && o.data === undefined) {
      throw new DatasetError(error.code, `${error.message} Or run the demo with --data FILE.`);
    }
    throw error;
  });
  say(
    `MICE: ${split.XTrain.length + split.XTest.length} mice, ${split.featureNames.length} proteins, ` +
      `${split.XTrain.length} train / ${split.XTest.length} test (from ${dataSource(split.source)}); backend ${backend}`,
  );
  if (o.quick)
    say('Quick run: few epochs and a coarse path, for a smoke test; accuracies are not results.');

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = new PathProgress(split.featureNames.length);
  let summary: DemoSummary;
  let cv: DemoCV | undefined;
  let stability: DemoStability | undefined;
  try {
    const path = await runDemoPath(split, o, {
      onStep: (step, index) => progress.update({ step, index }),
      signal: controller.signal,
      onWarning: (message) => console.error(`warning: ${message}`),
      threads: o.threads,
    });
    progress.stop();
    summary = {
      backend,
      seed: o.seed,
      seconds: path.seconds,
      nTrain: split.XTrain.length,
      nTest: split.XTest.length,
      featureNames: split.featureNames,
      steps: path.steps,
    };
    if (o.refit) {
      summary.protocol = await refitProtocol(split, path.steps, o, { signal: controller.signal });
    }
    const parallel = {
      signal: controller.signal,
      ...(o.concurrency === undefined ? {} : { concurrency: o.concurrency }),
    };
    if (o.cv) {
      say('Cross-validation: 5 folds of the training rows…');
      cv = await runDemoCV(split, o, parallel);
      summary.cv = {
        folds: cv.folds,
        concurrency: cv.concurrency ?? null,
        seconds: cv.seconds,
        bestLambda: cv.bestLambda,
        bestCvScore: cv.bestCvScore,
        nSelected: cv.bestSelected.length,
        selected: cv.bestSelected,
        testAccuracy: cv.testAccuracy,
      };
    }
    if (o.stability) {
      say('Stability selection: 20 paths on random halves of the training rows…');
      stability = await runDemoStability(split, o, parallel);
      const r = stability.result;
      summary.stability = {
        nModels: stability.nModels,
        seconds: stability.seconds,
        oracle: r.oracle,
        order: r.order,
        wrong: r.wrong.map((w) => (Number.isFinite(w) ? w : null)),
      };
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }
  const written = await writeOutputs(outDir, summary, {
    ...(cv === undefined ? {} : { cv: cv.result }),
    ...(stability === undefined ? {} : { stability: stability.result }),
  });

  if (o.json) {
    console.log(JSON.stringify(summary));
    return 0;
  }
  const epochs = summary.steps.reduce((total, s) => total + s.epochs, 0);
  say(
    `\nPath: ${summary.steps.length - 1} lambdas after the dense model, ${epochs} epochs, ${summary.seconds.toFixed(1)} s.\n`,
  );
  say(pathTable(summary.steps));
  say('');
  say(selectedProteins(summary.steps, summary.featureNames));
  if (summary.protocol !== undefined) {
    say('\nRefit protocol (dense model on the first step with at most k features):\n');
    say(protocolTable(summary.protocol));
  }
  if (summary.cv !== undefined) say(`\n${cvReport(summary.cv, summary.featureNames)}`);
  if (summary.stability !== undefined) {
    say(`\n${stabilityReport(summary.stability, summary.featureNames)}`);
  }
  say(`\nWrote ${written.join(', ')}`);
  return 0;
}

function dataSource(source: MiceSource): string {
  return source.kind === 'package'
    ? 'the copy shipped with @lassonet/datasets'
    : (source.location ?? source.kind);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Error && error.name === 'AbortError') {
      console.error('Stopped.');
      process.exitCode = 130;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof CliError && error.code === 'USAGE';
    console.error(usage ? `${message} (see --help)` : message);
    // Every LassoNet error names a problem with the input: one line, exit code 2.
    process.exitCode = isLassoNetError(error) ? 2 : 1;
  },
);
