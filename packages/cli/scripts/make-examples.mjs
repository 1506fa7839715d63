// Writes the example tables of examples/ (regression.csv, classification.csv, survival.csv):
// `pnpm --filter @lassonet/cli examples`. Deterministic for a seed; a test checks the committed
// files equal exampleTables().
//
// Each table: id, x1..x10 ~ N(0, 1), color (red/green/blue, irrelevant), then the target(s).
// Only x1, x2 and x3 matter, through the signal
//   f = 2·x1 − 1.5·x2 + 2·sin(1.5·x3)
// (x3 through a sine: a network finds it, a linear model only partly). Then
//   regression:     y = f + N(0, 0.3²)
//   classification: label = 'high' when f + N(0, 0.5²) > 0, else 'low'
//   survival:       event time ~ Exponential(rate 0.05·exp(0.8·f)), censored by an independent
//                   Exponential(rate 0.007) time; time = the smaller, event = 1 when not censored.
// About 2% of the feature cells (x1..x10, color) are emptied at random, after the target is drawn.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Random } from '@lassonet/core';

const N_ROWS = 300;
const N_FEATURES = 10;
const COLORS = ['red', 'green', 'blue'];
const EMPTY_SHARE = 0.02;

/** The signal every task is built on; only x1, x2, x3 (x[0..2]) enter it. */
const signal = (x) => 2 * x[0] - 1.5 * x[1] + 2 * Math.sin(1.5 * x[2]);

/** An exponential draw of the given rate; 1 - u lies in (0, 1], so the logarithm is finite. */
const exponential = (random, rate) => -Math.log(1 - random.float()) / rate;

/** The targets of one row, as CSV cells, for each task. */
const TASKS = {
  regression: {
    header: ['y'],
    targets: (random, f) => [(f + 0.3 * random.normal()).toFixed(4)],
  },
  classification: {
    header: ['label'],
    targets: (random, f) => [f + 0.5 * random.normal() > 0 ? 'high' : 'low'],
  },
  survival: {
    header: ['time', 'event'],
    targets: (random, f) => {
      const eventTime = exponential(random, 0.05 * Math.exp(0.8 * f));
      const censorTime = exponential(random, 0.007);
      const time = Math.min(eventTime, censorTime);
      // Four significant digits keep short times distinct and every time above 0.
      return [String(Number(time.toPrecision(4))), eventTime <= censorTime ? '1' : '0'];
    },
  },
};

/** One table as CSV text, drawn from its own random stream. */
function table(seed, stream, task) {
  const random = Random.stream(seed, stream);
  const features = Array.from({ length: N_FEATURES }, (_, j) => `x${j + 1}`);
  const lines = [['id', ...features, 'color', ...task.header].join(',')];
  for (let i = 0; i < N_ROWS; i++) {
    const x = features.map(() => random.normal());
    const color = COLORS[random.int(0, COLORS.length - 1)];
    const targets = task.targets(random, signal(x));
    const cells = [...x.map((value) => value.toFixed(4)), color].map((cell) =>
      random.float() < EMPTY_SHARE ? '' : cell,
    );
    lines.push([`s${String(i + 1).padStart(3, '0')}`, ...cells, ...targets].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The three example tables as CSV text: `{ regression, classification, survival }`. */
export function exampleTables(seed = 0) {
  // Streams 1..3, not 0: the first draw of an unjumped generator with a small seed is close to
  // 1 (xoroshiro128+ starts from a near-zero state), which would make x2 of row 1 about -7.
  return {
    regression: table(seed, 1, TASKS.regression),
    classification: table(seed, 2, TASKS.classification),
    survival: table(seed, 3, TASKS.survival),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = new URL('../examples/', import.meta.url);
  for (const [name, text] of Object.entries(exampleTables())) {
    const file = new URL(`${name}.csv`, dir);
    writeFileSync(file, text);
    console.log(`wrote ${file.pathname}`);
  }
}
