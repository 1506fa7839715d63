#!/usr/bin/env node
// `pnpm bench:upstream`: upstream LassoNet (PyTorch) and this project, side by side on this
// machine, on the same data and settings, in alternating rounds; each run in a fresh process.
//   node run.mjs [--rounds 3] [--cases mice,wide,prox] [--threads N] [--upstream-threads N] [--out FILE]
// --threads: the threads each of this project's paths trains on (its `threads` option), default 2.
// Needs LASSONET_REF (a folder holding upstream's `lassonet` package) and a Python with torch,
// scikit-learn and tqdm (LASSONET_PYTHON, default python3); without them it says so and exits 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Random } from '@lassonet/core';
import { loadMiceSplit } from '@lassonet/datasets';
import { findUpstream, machineLine, machineReport } from './upstreamEnv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    cases: { type: 'string', default: 'mice,wide,prox' },
    threads: { type: 'string', default: '2' },
    'upstream-threads': { type: 'string' },
    out: { type: 'string', default: join(here, 'bench-results', 'upstream.json') },
  },
});
const rounds = Number(values.rounds);
const cases = values.cases.split(',');

const { python, env } = findUpstream('bench:upstream');

const work = mkdtempSync(join(tmpdir(), 'lassonet-upstream-'));
const files = {};

if (cases.includes('mice')) {
  // The demo's preprocessing: seeded 80/20 split, min-max scaled on the training rows.
  const split = await loadMiceSplit({ seed: 0 });
  files.mice = write('mice', { X: split.XTrain, y: split.yTrain, settings: {} });
}
if (cases.includes('wide')) {
  // 150 rows, 5000 standard normal features, five of them in y; 100 dense epochs, then 10
  // epochs at each of 10 lambdas (patience = epochs: no early stop, so both sides run as many).
  const random = new Random(7);
  const X = Array.from({ length: 150 }, () => Array.from({ length: 5000 }, () => random.normal()));
  const y = X.map(
    (row) => 2 * row[0] - 1.5 * row[1] + row[2] + 0.5 * row[3] - row[4] + 0.3 * random.normal(),
  );
  const lambdaSeq = Array.from({ length: 10 }, (_, k) => 0.5 * 1.5 ** k);
  files.wide = write('wide', {
    X,
    y,
    settings: { hiddenDims: [100], lambdaSeq, nIters: [100, 10], patience: [100, 10] },
  });
}
if (cases.includes('prox')) {
  const random = new Random(1);
  const draw = (n) => Array.from({ length: n }, () => 0.1 * random.normal());
  const sizes = [
    { K: 8, H: 100, d: 77, warmup: 20, repeats: 300 },
    { K: 1, H: 100, d: 5000, warmup: 5, repeats: 50 },
    { K: 10, H: 1000, d: 10000, warmup: 0, repeats: 3 },
  ].map((s) => ({ ...s, skip: draw(s.d * s.K), hidden: draw(s.d * s.H) }));
  files.prox = write('prox', { lambda: 0.01, M: 10, sizes });
}

function write(name, value) {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

function runSide(side, kase) {
  const [command, args] =
    side === 'upstream'
      ? [
          python,
          [
            join(here, 'upstream.py'),
            kase,
            files[kase],
            ...(values['upstream-threads'] ? ['--threads', values['upstream-threads']] : []),
          ],
        ]
      : [process.execPath, [join(here, 'ours.mjs'), kase, files[kase], values.threads]];
  const run = spawnSync(command, args, {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${side} ${kase} failed (exit ${run.status}):\n${run.stderr}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const results = Object.fromEntries(cases.map((c) => [c, { upstream: [], ours: [] }]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const kase of cases) {
      // Alternate who goes first, so neither side always meets a warmer machine.
      const order = round % 2 === 0 ? ['upstream', 'ours'] : ['ours', 'upstream'];
      for (const side of order) {
        const r = runSide(side, kase);
        results[kase][side].push(r);
        console.error(
          `round ${round + 1} ${kase} ${side}: ${
            kase === 'prox'
              ? r.sizes.map((s) => `${s.ms.toFixed(3)} ms`).join(' / ')
              : `${r.seconds.toFixed(2)} s, ${r.lambdas} lambdas, ${r.epochs} epochs`
          }`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

const summary = {};
for (const kase of cases) {
  const { upstream, ours } = results[kase];
  if (kase === 'prox') {
    summary.prox = upstream[0].sizes.map((size, i) => {
      const up = upstream.map((r) => r.sizes[i].ms);
      const us = ours.map((r) => r.sizes[i].ms);
      return {
        size: `${size.K}x${size.H}x${size.d}`,
        upstreamMs: spread(up),
        oursMs: spread(us),
        ratio: spread(up.map((u, k) => u / us[k])),
      };
    });
  } else {
    summary[kase] = {
      upstreamSeconds: spread(upstream.map((r) => r.seconds)),
      oursSeconds: spread(ours.map((r) => r.seconds)),
      // Per round: upstream time over ours, the two runs next to each other.
      ratio: spread(upstream.map((r, k) => r.seconds / ours[k].seconds)),
      lambdas: { upstream: upstream.map((r) => r.lambdas), ours: ours.map((r) => r.lambdas) },
      epochs: { upstream: upstream.map((r) => r.epochs), ours: ours.map((r) => r.epochs) },
    };
  }
}
const report = {
  date: new Date().toISOString(),
  machine: machineReport(results[cases[0]].upstream[0], Number(values.threads)),
  rounds,
  summary,
  runs: results,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);

const f = (s, unit, digits) =>
  `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
console.log(`${machineLine(report.machine)}; ${rounds} rounds`);
for (const kase of cases.filter((c) => c !== 'prox')) {
  const s = summary[kase];
  console.log(
    `${kase}: upstream ${f(s.upstreamSeconds, 's', 2)}, ours ${f(s.oursSeconds, 's', 2)}; ratio ${f(s.ratio, 'x', 2)}; lambdas ${s.lambdas.upstream.join('/')} vs ${s.lambdas.ours.join('/')}; epochs ${s.epochs.upstream.join('/')} vs ${s.epochs.ours.join('/')}`,
  );
}
for (const p of summary.prox ?? []) {
  console.log(
    `Hier-Prox ${p.size}: upstream ${f(p.upstreamMs, 'ms', 3)}, ours ${f(p.oursMs, 'ms', 3)}; ratio ${f(p.ratio, 'x', 2)}`,
  );
}
console.log(`Wrote ${values.out}`);
