import type { Variable } from '@lassonet/backend';
import { type LassoNetConfig, type ResolvedConfig, resolveConfig } from './config.js';
import { ModelError } from './errors.js';

/** A network's config and weights as plain, JSON-safe data. */
export interface LassoNetCheckpoint {
  format: 'lassonet-network';
  version: 1;
  config: ResolvedConfig;
  weights: CheckpointWeights;
}

export interface CheckpointWeights {
  /** [nFeatures][nOutputs]. */
  skip: number[][];
  /** Hidden layers then the output layer: weight [in][out], bias [out]. */
  layers: { weight: number[][]; bias: number[] }[];
  logSigma?: number;
}

export function checkpointWeights(
  config: ResolvedConfig,
  skip: Variable,
  layers: readonly { weight: Variable; bias: Variable }[],
  logSigma: Variable | undefined,
): LassoNetCheckpoint {
  // float32 values are exact as JavaScript numbers, so the JSON round trip is exact.
  return {
    format: 'lassonet-network',
    version: 1,
    config: structuredClone(config),
    weights: {
      skip: skip.arraySync() as number[][],
      layers: layers.map((l) => ({
        weight: l.weight.arraySync() as number[][],
        bias: l.bias.arraySync() as number[],
      })),
      ...(logSigma === undefined ? {} : { logSigma: logSigma.arraySync() as number }),
    },
  };
}

/** Checks a checkpoint's structure and shapes against its own config. */
export function readCheckpoint(checkpoint: LassoNetCheckpoint): {
  config: ResolvedConfig;
  weights: CheckpointWeights;
} {
  const bad = (why: string): never => {
    throw new ModelError('INVALID_CHECKPOINT', `Not a LassoNet checkpoint: ${why}.`);
  };
  if (checkpoint === null || typeof checkpoint !== 'object') bad('expected an object');
  if (checkpoint.format !== 'lassonet-network') bad(`format is ${String(checkpoint.format)}`);
  if (checkpoint.version !== 1) bad(`version ${String(checkpoint.version)} is not supported`);
  const rawConfig = checkpoint.config as ResolvedConfig | undefined;
  if (rawConfig === undefined) bad('no config');
  const { groups, ...rest } = rawConfig as ResolvedConfig;
  const config = resolveConfig(
    { ...rest, ...(groups === null ? {} : { groups }) } as LassoNetConfig,
    'the checkpoint config',
  );
  const w = checkpoint.weights;
  if (w === null || typeof w !== 'object') bad('no weights');
  const dims = [config.nFeatures, ...config.hiddenDims, config.nOutputs];
  checkMatrix(w.skip, config.nFeatures, config.nOutputs, 'weights.skip');
  if (!Array.isArray(w.layers) || w.layers.length !== dims.length - 1) {
    bad(`weights.layers must hold ${dims.length - 1} layers`);
  }
  w.layers.forEach((layer, l) => {
    checkMatrix(
      layer?.weight,
      dims[l] as number,
      dims[l + 1] as number,
      `weights.layers[${l}].weight`,
    );
    checkVector(layer?.bias, dims[l + 1] as number, `weights.layers[${l}].bias`);
  });
  if (config.logSigma && (typeof w.logSigma !== 'number' || !Number.isFinite(w.logSigma))) {
    bad('the config learns logSigma but weights.logSigma is not a finite number');
  }
  return { config, weights: w };
}

function checkMatrix(m: unknown, rows: number, cols: number, name: string): void {
  if (!Array.isArray(m) || m.length !== rows) {
    throw new ModelError(
      'INVALID_CHECKPOINT',
      `${name} must be a ${rows}×${cols} array, got ${Array.isArray(m) ? `${m.length} rows` : typeof m}.`,
    );
  }
  for (const [i, row] of m.entries()) checkVector(row, cols, `${name}[${i}]`);
}

function checkVector(v: unknown, length: number, name: string): void {
  if (!Array.isArray(v) || v.length !== length) {
    throw new ModelError(
      'INVALID_CHECKPOINT',
      `${name} must hold ${length} numbers, got ${Array.isArray(v) ? v.length : typeof v}.`,
    );
  }
  for (const x of v) {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new ModelError(
        'INVALID_CHECKPOINT',
        `${name} holds ${String(x)}, not a finite number.`,
      );
    }
  }
}
