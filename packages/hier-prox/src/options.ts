import { HierProxError } from './errors.js';

/**
 * How the operator runs. `'arrays'` reads the weights into typed arrays and runs a linear-time
 * kernel in JavaScript (fastest where tensor data lives in main memory: cpu, wasm); `'tensors'`
 * uses tensor ops only, so on webgl the weights never leave the GPU. `'auto'` picks `'tensors'`
 * on webgl and `'arrays'` elsewhere.
 */
export type HierProxMethod = 'auto' | 'arrays' | 'tensors';

export interface HierProxOptions {
  /** The step penalty: the path's lambda times the learning rate. Finite, >= 0. */
  lambda: number;
  /** L1 penalty on the first-layer weights (step size included). Finite, >= 0. Default 0. */
  lambdaBar?: number;
  /** Hierarchy multiplier: ||W1_j||_inf <= M·||beta_j||_2. Finite, > 0. Default 10. */
  M?: number;
  /** A partition of 0..nFeatures-1; each group enters or leaves the model as a whole. */
  groups?: readonly (readonly number[])[];
  /** Default `'auto'`. */
  method?: HierProxMethod;
}

export interface ProxParams {
  lambda: number;
  lambdaBar: number;
  M: number;
}

export interface ResolvedOptions extends ProxParams {
  groups: readonly (readonly number[])[] | undefined;
  method: HierProxMethod;
}

const KNOWN = new Set(['lambda', 'lambdaBar', 'M', 'groups', 'method']);
const METHODS: readonly HierProxMethod[] = ['auto', 'arrays', 'tensors'];

/** Rejects option names the operator does not know, so a typo never goes unnoticed. */
export function rejectUnknownOptions(
  options: object,
  known: ReadonlySet<string>,
  where: string,
): void {
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new HierProxError(
        'UNKNOWN_OPTION',
        `Unknown option '${key}' for ${where}. Known options: ${[...known].join(', ')}.`,
      );
    }
  }
}

/** A finite number >= 0 (or > 0 when `positive`). */
export function checkNumber(name: string, value: unknown, positive = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (positive && value === 0)
  ) {
    throw new HierProxError(
      'INVALID_OPTION',
      `${name} must be a finite number ${positive ? '> 0' : '>= 0'}, got ${String(value)}.`,
    );
  }
  return value;
}

export function resolveOptions(
  options: HierProxOptions | undefined,
  where: string,
): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new HierProxError(
      'INVALID_OPTION',
      `${where} needs an options object with at least { lambda }.`,
    );
  }
  rejectUnknownOptions(options, KNOWN, where);
  if (options.lambda === undefined) {
    throw new HierProxError('INVALID_OPTION', `${where} needs the step penalty: { lambda }.`);
  }
  const method = options.method ?? 'auto';
  if (!METHODS.includes(method)) {
    throw new HierProxError(
      'INVALID_OPTION',
      `method must be one of ${METHODS.join(', ')}, got ${String(method)}.`,
    );
  }
  return {
    lambda: checkNumber('lambda', options.lambda),
    lambdaBar: checkNumber('lambdaBar', options.lambdaBar ?? 0),
    M: checkNumber('M', options.M ?? 10, true),
    groups: options.groups,
    method,
  };
}
