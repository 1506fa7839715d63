import { defaultText, flagName, MODEL_FLAGS, TASK_KINDS, type Task } from './args/modelFlags.js';

export const USAGE = `Usage: lassonet <command> [options]

Feature selection with LassoNet on a CSV table: which columns matter, from all of them to none.

Commands:
  path DATA.csv --target COL         the regularization path, its charts and a saved model
  cv DATA.csv --target COL           cross-validated penalty, and a model refitted at it
  stability DATA.csv --target COL    stability selection: columns ranked by how often they stay
  predict MODEL.json DATA.csv        predictions of a saved model on a table
  worker --redis URL                 trains the paths of cv and stability --redis on this machine

Survival data take --time COL --event COL instead of --target.
Run lassonet <command> --help for the options of a command, with examples;
lassonet --version prints the version.`;

const GLOBAL_HELP = `  --backend auto|wasm|cpu    tensor backend (default auto: the fastest that runs here)
  --seed N                   seeds the validation split, the folds and the networks (default 0)
  --out DIR                  output directory (default ./lassonet-output)
  --json                     print a JSON summary as the last line of stdout, notes on stderr
  -h, --help                 this text`;

const DATA_HELP = `  --target COL               the column to predict
  --time COL --event COL     survival data: follow-up time (> 0) and event (1) or censoring (0)
  --task auto|regression|classification|cox
                             default auto: classification for a text target or one with at most
                             10 integer values, regression otherwise, cox with --time/--event
  --drop COL[,COL...]        columns to leave out (ids, leakage)
  --impute error|mean|median|drop
                             empty cells: an error naming them (default), filled with the
                             column's mean or median (the most frequent text), or rows dropped
  --groups FILE              columns that enter and leave together, one group per line
                             (COL,COL,...); a text column's one-hot columns always form a group`;

/** Where the help's descriptions start, and the width they wrap at. */
const INDENT = 29;
const WIDTH = 100;

/** `left` and then `text`, wrapped to the help's width under its description column. */
function helpEntry(left: string, text: string): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && INDENT + current.length + 1 + word.length > WIDTH) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  const pad = ' '.repeat(INDENT);
  const head = left.length < INDENT ? left.padEnd(INDENT) : `${left}\n${pad}`;
  return head + lines.join(`\n${pad}`);
}

/** The model flags with their defaults, which are the estimators' own. */
function modelHelp(): string {
  const tasks = Object.keys(TASK_KINDS) as Task[];
  return MODEL_FLAGS.map((flag) => {
    const left = `  --${flagName(flag.key)}${flag.metavar === '' ? '' : ` ${flag.metavar}`}`;
    const defaults = tasks.flatMap((task) => {
      const text = defaultText(flag.key, task);
      return text === undefined ? [] : [{ task, text }];
    });
    // The most common default, then the tasks that differ from it.
    const counts = new Map<string, number>();
    for (const d of defaults) counts.set(d.text, (counts.get(d.text) ?? 0) + 1);
    const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
    const others = defaults.filter((d) => d.text !== usual).map((d) => `${d.task} ${d.text}`);
    const shown =
      flag.value === 'switch'
        ? 'off'
        : `${flag.defaultHelp ?? usual}${others.length > 0 ? ` (${others.join(', ')})` : ''}`;
    const only =
      defaults.length < tasks.length ? ` (${defaults.map((d) => d.task).join(', ')} only)` : '';
    return helpEntry(left, `${flag.help}${only}; default ${shown}`);
  }).join('\n');
}

const QUEUE_HELP = `
  --redis URL                paths train on the workers of a Redis queue (lassonet worker), not
                             here: redis://[:password@]host:port[/db], rediss:// for TLS
  --queue NAME               the queue, with --redis (default lassonet)`;

const COMMAND_HELP: Record<
  string,
  { usage: string; about: string; own: string; examples: string }
> = {
  path: {
    usage: 'lassonet path DATA.csv --target COL [options]',
    about: `Trains the regularization path: a dense network first, then an increasing penalty until no
feature is left. Holds out --val-size of the rows for early stopping and a score per step, and
writes into --out: path.json and path.csv (every step: lambda, the features kept, losses,
validation score, epochs), path.png (features and validation score against lambda),
importances.csv and importances.png (the lambda at which each feature leaves), and model.json
(the step with the best validation score) for lassonet predict.`,
    own: '',
    examples: `  lassonet path examples/regression.csv --target y --drop id
  lassonet path patients.csv --time months --event died --hidden-dims 32,16 --out runs/cox
  lassonet path cells.csv --target type --impute median --path-multiplier 1.05 --json`,
  },
  cv: {
    usage: 'lassonet cv DATA.csv --target COL [--folds K] [options]',
    about: `Cross-validates the path: one path per fold, scored on the held-out rows (folds keep each
class's share for classification), the penalty with the best mean score, and a path on every
row up to it. Writes cv.json (bestLambda, bestSelected, mean and standard deviation of the
score at each lambda, the folds), cv.csv, cv.png (the mean score with a 95% band) and
model.json (the refitted model) into --out.`,
    own: `  --folds K                  number of folds, >= 2 (default 5)
  --grid "OPT=V|V;OPT=V|V"   also search model options: every combination is cross-validated
                             and the best (mean score at its best lambda) refitted, e.g.
                             --grid "hidden-dims=20|50,100;M=10|30"; writes grid.csv
  --concurrency N            folds trained at once, in worker threads (default: by the cores)${QUEUE_HELP}`,
    examples: `  lassonet cv examples/regression.csv --target y --drop id --folds 5
  lassonet cv examples/classification.csv --target label --drop id --grid "hidden-dims=8|32;M=10|30"
  lassonet cv survival.csv --time time --event event --folds 3 --redis redis://queue-host:6379 --json`,
  },
  stability: {
    usage: 'lassonet stability DATA.csv --target COL [--models N] [options]',
    about: `Stability selection: --models paths, each on a random half of the rows, vote on the features.
Writes stability.json (order: the features, most stable first; oracle: how many to keep;
wrong: the expected number of wrong selections keeping the first k; probabilities: each
feature's selection probability along the lambda grid), stability.csv and stability.png.`,
    own: `  --models N                 paths on random halves (default 20)
  --concurrency N            paths trained at once, in worker threads (default: by the cores)${QUEUE_HELP}`,
    examples: `  lassonet stability examples/regression.csv --target y --drop id --models 20
  lassonet stability genes.csv --target tumour --hidden-dims 64 --models 100 --redis redis://:pw@queue-host:6379
  lassonet stability examples/survival.csv --time time --event event --drop id --impute mean --json`,
  },
};

/** The help of a training command: its options with defaults, and three examples. */
export function commandHelp(command: 'path' | 'cv' | 'stability'): string {
  const h = COMMAND_HELP[command] as (typeof COMMAND_HELP)[string];
  return `Usage: ${h.usage}

${h.about}

Data:
${DATA_HELP}
${h.own === '' ? '' : `\n${command === 'cv' ? 'Cross-validation' : 'Stability selection'}:\n${h.own}\n`}
Model (the estimator options, with their defaults):
${modelHelp()}

General:
${GLOBAL_HELP}

Examples:
${h.examples}`;
}

export const PREDICT_HELP = `Usage: lassonet predict MODEL.json DATA.csv [--out FILE.csv] [options]

Applies a saved model (model.json of lassonet path or lassonet cv) to a table: the same
preprocessing (columns, categories, imputation, scaling), then the network. Writes the table's
rows with a prediction column: the value for regression; the class, and one probability=CLASS
column per class, for classification; the risk score (log-hazard) for survival.

Options:
  --out FILE.csv             where to write (default: stdout)
  --backend auto|wasm|cpu    tensor backend (default auto)
  --seed N                   accepted for uniformity; predictions draw nothing at random
  --json                     print a JSON summary on stdout (needs --out)
  -h, --help                 this text

Examples:
  lassonet predict lassonet-output/model.json new-rows.csv --out predictions.csv
  lassonet predict runs/cox/model.json patients.csv > risks.csv
  lassonet predict model.json examples/classification.csv --out p.csv --json`;

export const WORKER_HELP = `Usage: lassonet worker --redis URL [--concurrency N] [options]

Trains the paths that lassonet cv and lassonet stability (with --redis URL), or the library's
BullMQExecutor, put on a BullMQ queue in Redis; start one on each machine that should help. Each
task brings its data (stored once per run in Redis, read once per worker) and the backend to
train on. Runs until Ctrl-C, which finishes the paths in progress; a second Ctrl-C (or SIGTERM)
puts them back in the queue. A worker that dies loses nothing: its task goes to another worker
once its lock lapses.

Options:
  --redis URL                redis://[user:password@]host[:port][/db], rediss:// for TLS
  --concurrency N            paths trained at once, each in a worker thread (default 1)
  --queue NAME               the queue to serve (default lassonet)
  --lock-duration MS         how long a task stays locked without a renewal (default 30000):
                             a dead worker's task is taken up after about twice this long.
                             Give every worker of a queue the same value.
  --json                     print a JSON summary (paths done, failed, put back) when stopped
  -h, --help                 this text

Examples:
  lassonet worker --redis redis://127.0.0.1:6379
  lassonet worker --redis rediss://:secret@queue-host:6380 --concurrency 4
  lassonet worker --redis redis://queue-host:6379 --queue genes --lock-duration 10000`;
