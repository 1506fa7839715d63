import { resolve } from 'node:path';
import { useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import type { LassoNetClassifier } from '@lassonet/path';
import { TASK_KINDS } from '../args/modelFlags.js';
import { type CommandLine, choiceFlag, integerFlag, stringFlag } from '../args/parseCommandLine.js';
import { CliError } from '../errors.js';
import { type CsvCell, toCsv } from '../io/csvText.js';
import { writeFilesAtomically } from '../io/outputs.js';
import { readInputFile, readTable } from '../io/readInput.js';
import { readModelFile } from '../modelFile.js';
import { applyPreprocessing } from '../preprocess/applyPreprocessing.js';
import { BACKENDS, GLOBAL_FLAGS } from './commonFlags.js';
import type { CommandContext, CommandSummary } from './context.js';

export const PREDICT_FLAGS = GLOBAL_FLAGS;

/**
 * `lassonet predict MODEL.json DATA.csv`: the table's rows with a `prediction` column (the
 * class for classification, with one probability column per class; the value for regression;
 * the risk score, a log-hazard, for cox). Rows the model cannot score (an empty cell when the
 * model was fitted with --impute drop) get empty prediction cells.
 */
export async function predictCommand(
  line: CommandLine,
  ctx: CommandContext,
): Promise<CommandSummary> {
  const started = performance.now();
  if (line.positionals.length !== 2) {
    throw new CliError(
      'USAGE',
      `lassonet predict needs a model file and a CSV file: lassonet predict MODEL.json DATA.csv [--out FILE.csv], got ${line.positionals.length} argument${line.positionals.length === 1 ? '' : 's'}.`,
    );
  }
  const [modelPath, dataPath] = line.positionals as [string, string];
  const backend = choiceFlag(line, 'backend', BACKENDS, 'auto');
  integerFlag(line, 'seed', 0); // Predictions draw nothing at random; the flag is checked all the same.
  const out = stringFlag(line, 'out');
  const json = line.values.json === true;
  if (json && out === undefined) {
    throw new CliError(
      'USAGE',
      'With --json, stdout holds the summary: give --out FILE.csv for the predictions.',
    );
  }
  const modelText = await readInputFile(modelPath, 'model file');
  const table = await readTable(dataPath);
  await useBackend(backend);
  const { file, estimator } = readModelFile(modelText, resolve(modelPath));
  const spec = file.preprocessing;
  let header: string[];
  let rows: CsvCell[][];
  try {
    if (estimator.kind !== TASK_KINDS[spec.target.task]) {
      throw new CliError(
        'INVALID_MODEL',
        `${resolve(modelPath)}: a ${spec.target.task} model cannot hold a ${estimator.kind} estimator.`,
      );
    }
    const { X, rows: scored } = applyPreprocessing(spec, table);
    const target = spec.target;
    const added =
      target.task === 'classification'
        ? ['prediction', ...target.classes.map((c) => `probability=${c}`)]
        : ['prediction'];
    let values: CsvCell[][] = [];
    if (X.length > 0 && target.task === 'classification') {
      const labels = estimator.predict(X) as number[];
      // The registry's classifier: predictProba is its own.
      const proba = (estimator as unknown as LassoNetClassifier).predictProba(X);
      values = labels.map((label, i) => [
        target.classes[label] ?? null,
        ...(proba[i] ?? []).map(float32Digits),
      ]);
    } else if (X.length > 0) {
      values = (estimator.predict(X) as number[]).map((value) => [float32Digits(value)]);
    }
    const byRow = new Map(scored.map((r, i) => [r, values[i] as CsvCell[]]));
    // A column of the input with an added name is replaced, so predicting twice is harmless.
    const kept = table.columns.map((c, k) => [c, k] as const).filter(([c]) => !added.includes(c));
    header = [...kept.map(([c]) => c), ...added];
    rows = table.rows.map((row, r) => [
      ...kept.map(([, k]) => row[k] ?? ''),
      ...(byRow.get(r) ?? added.map(() => null)),
    ]);
  } finally {
    estimator.dispose();
  }
  const csv = toCsv(header, rows);
  const outputs = out === undefined ? [] : await writeFilesAtomically([[out, csv]]);
  if (out === undefined) ctx.write(csv);
  else if (!json) ctx.out(`Wrote ${outputs.join(', ')}`);
  return {
    command: 'predict',
    task: spec.target.task,
    features: spec.featureNames,
    nRows: table.rows.length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    outputs,
    model: resolve(modelPath),
  };
}

/** The network computes in float32: seven significant digits say all it knows. */
function float32Digits(value: number): number {
  return Number(value.toPrecision(7));
}
