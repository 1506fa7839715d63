import type { FlagSpec } from '../args/parseCommandLine.js';

/** The flags every command takes. */
export const GLOBAL_FLAGS = {
  backend: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, FlagSpec>;

/** The flags of the commands that train on a table. */
export const DATA_FLAGS = {
  task: { type: 'string' },
  target: { type: 'string' },
  time: { type: 'string' },
  event: { type: 'string' },
  drop: { type: 'string' },
  impute: { type: 'string' },
  groups: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

export const BACKENDS = ['auto', 'wasm', 'cpu'] as const;
export const TASKS = ['auto', 'regression', 'classification', 'cox'] as const;
export const IMPUTE = ['error', 'mean', 'median', 'drop'] as const;
