// Gathers every package's benchmark results (written by `turbo run bench`) into one file,
// bench-results/summary.json, and prints a short table with the targets beside the figures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path) => {
  const file = join(root, path);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};

/** vitest bench JSON → one row per benchmark: its group, name, and times in ms. */
function vitestRows(report) {
  const rows = [];
  for (const file of report?.files ?? []) {
    for (const group of file.groups) {
      for (const b of group.benchmarks) {
        rows.push({
          group: group.fullName.split(' > ').slice(1).join(' > '),
          name: b.name,
          medianMs: b.median,
          minMs: b.min,
          p75Ms: b.p75,
          maxMs: b.max,
          rmePercent: b.rme,
          samples: b.sampleCount,
        });
      }
    }
  }
  return rows;
}

const hierProx = vitestRows(read('packages/hier-prox/bench-results/hier-prox.json'));
const model = vitestRows(read('packages/model/bench-results/model.json'));
const demo = read('apps/demo/bench-results/demo.json');
const backends = read('apps/backend-check/bench-results/backends.json');
const queue = read('packages/queue/bench-results/queue.json');

const row = (rows, group, name) => rows.find((r) => r.group.startsWith(group) && r.name === name);
/** A vitest benchmark against its target: its median, and fastest to 75th percentile as spread. */
const benchmark = (measure, rows, group, name, target) => {
  const r = row(rows, group, name);
  return [measure, r?.medianMs, target, r && [r.minMs, r.p75Ms]];
};
const EPOCH = 'step + prox + validation objective';
const ratioOf = (a, b) => (a && b ? a.medianMs / b.medianMs : undefined);
const targets = [
  benchmark('Hier-Prox 8x100x77, wasm arrays (ms)', hierProx, 'wasm 8x100x77', 'arrays', 0.1),
  benchmark('Hier-Prox 1x100x5000, wasm arrays (ms)', hierProx, 'wasm 1x100x5000', 'arrays', 3),
  benchmark(
    'Hier-Prox 10x1000x10000, wasm arrays (ms)',
    hierProx,
    'wasm 10x1000x10000',
    'arrays',
    150,
  ),
  benchmark(
    'first-drop search (lambdaStart auto), 8x100x77 random weights, wasm (ms)',
    hierProx,
    'wasm firstDropPenalty 8x100x77',
    'clipped first layer',
    300,
  ),
  benchmark('MICE epoch with validation, wasm (ms)', model, 'wasm MICE-sized epoch 778', EPOCH, 3),
  benchmark(
    'MICE epoch with validation, wasm, two threads (ms)',
    model,
    'wasm MICE-sized epoch on two threads',
    EPOCH,
    3,
  ),
  [
    'MICE epoch, wasm: two threads / one (ratio)',
    ratioOf(
      row(model, 'wasm MICE-sized epoch on two threads', EPOCH),
      row(model, 'wasm MICE-sized epoch 778', EPOCH),
    ),
    0.8,
  ],
  benchmark(
    'wide epoch 150x5000 (135 + 15 validation rows), wasm (ms)',
    model,
    'wasm wide regression epoch',
    EPOCH,
    10,
  ),
  [
    'MICE path, wasm (s, median)',
    demo?.micePath?.medianSeconds,
    20,
    demo?.micePath && [demo.micePath.minSeconds, demo.micePath.maxSeconds],
  ],
  [
    'MICE path, wasm, two threads (s, median)',
    demo?.micePathTwoThreads?.medianSeconds,
    20,
    demo?.micePathTwoThreads && [
      demo.micePathTwoThreads.minSeconds,
      demo.micePathTwoThreads.maxSeconds,
    ],
  ],
  ['MICE path, wasm: two threads / one (ratio)', demo?.micePathTwoThreads?.ratio, 0.8],
  [
    `MICE 5-fold CV, all cores (${demo?.miceCV?.workers ?? '?'} workers) / 1 thread (ratio)`,
    demo?.miceCV?.ratio,
    0.5,
  ],
  ['peak RSS of the MICE path (MB)', demo?.micePath?.maxRssMB, 400],
  [
    // The first path (which fixes the lambdas) runs alone, and two paths at once on two cores
    // each take about 1.25 times as long as one alone: about 0.62 is the floor on two cores.
    `stability selection, ${queue?.nModels ?? 16} models: two queue workers / one (ratio)`,
    queue && queue.twoWorkersSeconds / queue.oneWorkerSeconds,
    0.7,
  ],
].map(([measure, value, target, spread]) => ({
  measure,
  value: value ?? null,
  spread: spread ?? null,
  target,
  met: value === undefined ? null : value <= target,
}));

const summary = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: totalmem() / 2 ** 30 },
  targets,
  hierProx,
  model,
  demo: demo ?? null,
  backends: backends ?? null,
  queue: queue ?? null,
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

const fmt = (x) => (x === null ? 'n/a' : x < 1 ? x.toPrecision(2) : x.toFixed(x < 10 ? 2 : 1));
console.log('\nBenchmarks (bench-results/summary.json)\n');
console.table(
  targets.map((t) => ({
    measure: t.measure,
    value: fmt(t.value),
    spread: t.spread === null ? '' : t.spread.map(fmt).join('–'),
    target: t.target,
    met: t.met === null ? 'not run' : t.met ? 'yes' : 'NO',
  })),
);
if (demo?.twoPathsAtOnce) {
  const t = demo.twoPathsAtOnce;
  console.log(
    `Two MICE paths at once, in two processes: ${t.seconds.map(fmt).join(' and ')} s, ${fmt(t.slowdown)}x one path alone; so no parallel/sequential ratio on this machine goes below ${fmt(t.bestRatio)}.`,
  );
}
if (queue) {
  console.log(
    `Stability selection with ${queue.nModels} models through Redis: ${fmt(queue.oneWorkerSeconds)} s on one worker, ${fmt(queue.twoWorkersSeconds)} s on two (${fmt(queue.speedup)}x), ${fmt(queue.inProcessSeconds)} s in one process; identical results: ${queue.identical}`,
  );
}
if (demo?.micePath) {
  const p = demo.micePath;
  console.log(
    `MICE path: ${fmt(p.minSeconds)}–${fmt(p.maxSeconds)} s over ${p.runs.length} runs; lambdas ${p.lambdas.join(', ')}; epochs ${p.epochs.join(', ')}; tensor count flat: ${p.tensorsFlat}`,
  );
}
