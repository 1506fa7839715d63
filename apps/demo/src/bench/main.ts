#!/usr/bin/env node
// The demo's benchmarks: the full default MICE classifier path (seed 0) on one thread and on two
// (`threads: 2`), two such paths at once (what the machine's cores give in parallel), and 5-fold
// cross-validation in one thread and with the default workers; each job in a fresh process, for
// its peak memory.
//   node dist/bench/main.js [--runs 3] [--data FILE] [--out FILE] [--skip-cv]
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    data: { type: 'string' },
    out: { type: 'string', default: 'bench-results/demo.json' },
    'skip-cv': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
// Without --data, each job loads the copy shipped with @lassonet/datasets.
const data = values.data ?? '';

interface JobResult {
  seconds: number;
  maxRssMB: number;
  [key: string]: unknown;
}

function job(args: string[]): JobResult {
  const run = spawnSync(process.execPath, [join(here, 'benchJob.js'), ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bench job ${args[0]} failed: ${run.stderr.trim()}`);
  return jobResult(run.stdout);
}

/** A job prints its result as the last line of its output. */
function jobResult(stdout: string): JobResult {
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as JobResult;
}

/** Jobs started together, each in its own process: how the machine runs independent work at once. */
async function jobsAtOnce(argsList: string[][]): Promise<JobResult[]> {
  return Promise.all(
    argsList.map(
      (args) =>
        new Promise<JobResult>((resolve, reject) => {
          execFile(process.execPath, [join(here, 'benchJob.js'), ...args], (error, stdout) => {
            if (error) reject(new Error(`bench job ${args[0]} failed: ${error.message}`));
            else resolve(jobResult(stdout));
          });
        }),
    ),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

console.error(
  'MICE path: 1 warm-up run, then',
  runs,
  'runs on one thread and on two, alternating…',
);
job(['path', data]);
const pathRuns: JobResult[] = [];
const twoThreadRuns: JobResult[] = [];
for (let k = 0; k < runs; k++) {
  pathRuns.push(job(['path', data]));
  twoThreadRuns.push(job(['path', data, 'wasm', '1', '2']));
}
const seconds = pathRuns.map((r) => r.seconds);
const twoSeconds = twoThreadRuns.map((r) => r.seconds);
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  micePath: {
    backend: pathRuns[0]?.backend,
    medianSeconds: median(seconds),
    minSeconds: Math.min(...seconds),
    maxSeconds: Math.max(...seconds),
    lambdas: pathRuns.map((r) => r.lambdas),
    epochs: pathRuns.map((r) => r.epochs),
    maxRssMB: Math.max(...pathRuns.map((r) => r.maxRssMB)),
    tensorsFlat: pathRuns.every((r) => r.tensorsAfter === r.tensorsBefore),
    runs: pathRuns,
  },
  // The same path with `threads: 2`: each training step split between two threads.
  micePathTwoThreads: {
    medianSeconds: median(twoSeconds),
    minSeconds: Math.min(...twoSeconds),
    maxSeconds: Math.max(...twoSeconds),
    ratio: median(twoSeconds) / median(seconds),
    lambdas: twoThreadRuns.map((r) => r.lambdas),
    epochs: twoThreadRuns.map((r) => r.epochs),
    maxRssMB: Math.max(...twoThreadRuns.map((r) => r.maxRssMB)),
    tensorsFlat: twoThreadRuns.every((r) => r.tensorsAfter === r.tensorsBefore),
    runs: twoThreadRuns,
  },
};
// Parallel speed-up is bounded by how the cores share work: two independent paths in two
// processes each take longer than one alone (shared caches and memory bandwidth).
const pair = await jobsAtOnce([
  ['path', data],
  ['path', data],
]);
const pairSeconds = Math.max(...pair.map((r) => r.seconds));
report.twoPathsAtOnce = {
  seconds: pair.map((r) => r.seconds),
  slowdown: pairSeconds / median(seconds),
  // Two cores finishing 2 paths in pairSeconds: the best ratio parallel / sequential.
  bestRatio: pairSeconds / (2 * median(seconds)),
};
if (!values['skip-cv']) {
  // Five sequential paths (this thread), then the default: every core, with as many workers as
  // defaultWorkers picks (3 for 5 folds on 2 cores).
  console.error('MICE 5-fold cross-validation in this thread, then with the default workers…');
  const one = job(['cv', data, 'wasm', '1']);
  const all = job(['cv', data, 'wasm', 'auto']);
  report.miceCV = {
    cores: availableParallelism(),
    workers: all.concurrency,
    seconds1: one.seconds,
    secondsParallel: all.seconds,
    ratio: all.seconds / one.seconds,
    sameChoice: one.bestLambda === all.bestLambda && one.nSelected === all.nSelected,
    maxRssMB: Math.max(one.maxRssMB, all.maxRssMB),
  };
}
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, (key, v) => (key === 'runs' ? undefined : v), 2));
