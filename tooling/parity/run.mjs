#!/usr/bin/env node
// `pnpm parity`: upstream LassoNet (PyTorch) and this project on the same scikit-learn splits,
// compared by path length, the lambda at which the last feature leaves and test scores.
//   node run.mjs [--seeds 0,1,2] [--problems diabetes,digits,friedman1] [--gamma X]
//                [--l2 gradient|objective-only] [--threads N] [--upstream-threads N] [--out FILE]
// --gamma goes to both sides; --l2 and --threads (default 1) to this project's side only.
// Needs LASSONET_REF and a Python with torch, scikit-learn, tqdm and numpy (see
// @lassonet/upstream-bench); without them it says so and exits 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findUpstream, machineLine, machineReport } from '@lassonet/upstream-bench/upstreamEnv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '0,1,2' },
    problems: { type: 'string', default: 'diabetes,digits,friedman1' },
    gamma: { type: 'string' },
    l2: { type: 'string' },
    threads: { type: 'string', default: '1' },
    'upstream-threads': { type: 'string' },
    out: { type: 'string', default: join(here, 'bench-results', 'parity.json') },
  },
});
// The score column: the first step along the path with at most k features.
const PROBLEMS = {
  diabetes: { score: 'R²', k: 5 },
  digits: { score: 'accuracy', k: 10 },
  friedman1: { score: 'R²', k: 5 },
};
const seeds = values.seeds.split(',').map(Number);
const problems = values.problems.split(',');
const unknown = problems.filter((p) => !(p in PROBLEMS));
if (unknown.length > 0 || seeds.some((s) => !Number.isInteger(s) || s < 0)) {
  console.error(
    `parity: --problems takes ${Object.keys(PROBLEMS).join(', ')}; --seeds integers >= 0.`,
  );
  process.exit(2);
}
if (values.l2 !== undefined && !['gradient', 'objective-only'].includes(values.l2)) {
  console.error("parity: --l2 takes 'gradient' or 'objective-only'.");
  process.exit(2);
}

const { python, env } = findUpstream('parity');

function run(command, args, what) {
  const result = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

function runSide(side, problem, seed) {
  const gamma = values.gamma !== undefined ? ['--gamma', values.gamma] : [];
  const [command, args] =
    side === 'upstream'
      ? [
          python,
          [
            join(here, 'upstream.py'),
            problem,
            String(seed),
            work,
            ...gamma,
            ...(values['upstream-threads'] ? ['--threads', values['upstream-threads']] : []),
          ],
        ]
      : [
          process.execPath,
          [
            join(here, 'ours.mjs'),
            problem,
            String(seed),
            work,
            '--threads',
            values.threads,
            ...gamma,
            ...(values.l2 !== undefined ? ['--l2', values.l2] : []),
          ],
        ];
  return JSON.parse(
    run(command, args, `${side} ${problem} seed ${seed}`).trim().split('\n').at(-1),
  );
}

// Per run: the numbers the table summarizes.
function measures(r, k) {
  const atK = r.steps.find((s) => s.nSelected <= k);
  return {
    steps: r.steps.length,
    lambdaLast: r.steps.find((s) => s.nSelected === 0)?.lambda ?? Number.NaN,
    dense: r.steps[0].score,
    atK: atK?.score ?? Number.NaN,
    seconds: r.seconds,
  };
}

const work = mkdtempSync(join(tmpdir(), 'lassonet-parity-'));
const runs = Object.fromEntries(problems.map((p) => [p, { upstream: [], ours: [] }]));
try {
  run(
    python,
    [join(here, 'data.py'), work, '--problems', problems.join(','), '--seeds', seeds.join(',')],
    'data.py',
  );
  for (const [i, seed] of seeds.entries()) {
    // Alternate who goes first, so neither side always meets a warmer machine.
    const order = i % 2 === 0 ? ['upstream', 'ours'] : ['ours', 'upstream'];
    for (const problem of problems) {
      for (const side of order) {
        const r = runSide(side, problem, seed);
        runs[problem][side].push(r);
        const m = measures(r, PROBLEMS[problem].k);
        console.error(
          `seed ${seed} ${problem} ${side}: ${r.seconds.toFixed(1)} s, ${m.steps} steps, ` +
            `dense ${m.dense.toFixed(3)}, at <= ${PROBLEMS[problem].k} features ${m.atK.toFixed(3)}`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
// Sample sd (n - 1): three seeds are a sample of what a seed can give; 0 for a single seed.
const sd = (xs) =>
  xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const stats = (xs) => ({
  mean: mean(xs),
  sd: sd(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
  values: xs,
});

const summary = {};
for (const problem of problems) {
  const { k } = PROBLEMS[problem];
  summary[problem] = { k };
  for (const side of ['upstream', 'ours']) {
    const ms = runs[problem][side].map((r) => measures(r, k));
    summary[problem][side] = Object.fromEntries(
      ['steps', 'lambdaLast', 'dense', 'atK', 'seconds'].map((key) => [
        key,
        stats(ms.map((m) => m[key])),
      ]),
    );
  }
  // Our mean score at <= k features against upstream's range over the seeds, widened by one
  // upstream sd: with three seeds the range alone is narrow.
  const up = summary[problem].upstream.atK;
  const low = up.min - up.sd;
  const high = up.max + up.sd;
  const ours = summary[problem].ours.atK.mean;
  summary[problem].withinSeedSpread = { low, high, ours, within: ours >= low && ours <= high };
}

const first = runs[problems[0]].upstream[0];
const report = {
  date: new Date().toISOString(),
  machine: machineReport(first, Number(values.threads)),
  settings: {
    seeds,
    problems,
    gamma: values.gamma === undefined ? null : Number(values.gamma),
    l2: values.l2 ?? null,
  },
  summary,
  runs,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);

const pm = (s, format) => `${format(s.mean)} ± ${format(s.sd)}`;
const fixed = (digits) => (x) => x.toFixed(digits);
const significant = (x) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));
console.log(
  `${machineLine(report.machine)} (wasm); seeds ${seeds.join(', ')}; gamma ${values.gamma ?? 'default'}; l2 ${values.l2 ?? 'default'}`,
);
const header = [
  'problem',
  'side',
  'path steps',
  'λ when the last feature leaves',
  'dense test score',
  'test score at ≤ k features',
  'path seconds',
];
const rows = problems.flatMap((problem) => {
  const { score, k } = PROBLEMS[problem];
  return ['upstream', 'ours'].map((side) => {
    const s = summary[problem][side];
    return [
      `${problem} (${score}, k = ${k})`,
      side,
      pm(s.steps, fixed(1)),
      pm(s.lambdaLast, significant),
      pm(s.dense, fixed(3)),
      pm(s.atK, fixed(3)),
      pm(s.seconds, fixed(1)),
    ];
  });
});
// Padded so the table also reads as plain text.
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
const line = (cells) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`;
console.log('');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log('');
for (const problem of problems) {
  const { k } = PROBLEMS[problem];
  const w = summary[problem].withinSeedSpread;
  console.log(
    `${problem}: our mean score at ≤ ${k} features ${w.ours.toFixed(3)}; upstream's seeds ± one sd span [${w.low.toFixed(3)}, ${w.high.toFixed(3)}]: within seed spread: ${seeds.length < 2 ? 'not known from one seed' : w.within ? 'yes' : 'no'}`,
  );
}
const total = (side) =>
  problems.reduce((t, p) => t + runs[p][side].reduce((u, r) => u + r.seconds, 0), 0);
console.log(
  `Time on the paths: upstream ${total('upstream').toFixed(1)} s, ours ${total('ours').toFixed(1)} s`,
);
console.log(`Wrote ${values.out}`);
