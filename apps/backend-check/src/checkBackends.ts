import { getAdapter, installedBackends, tf, useBackend } from '@lassonet/backend';
import '@lassonet/backend-cpu';
import '@lassonet/backend-wasm';
import '@lassonet/backend-webgl';

export interface BackendReport {
  backend: string;
  available: boolean;
  /** Why the backend cannot run here (only when unavailable). */
  reason?: string;
  /** Median time of one product plus readback, in milliseconds. */
  medianMs?: number;
  /** Largest elementwise error against a float64 product, relative to the largest entry. */
  maxRelError?: number;
}

export interface CheckResult {
  reports: BackendReport[];
  /** What `useBackend('auto')` picks here. */
  auto: string;
}

// The first layer of LassoNet on the MICE training set: 778 samples, 77 proteins, 100 units.
const ROWS = 778;
const INNER = 77;
const COLS = 100;

function seededValues(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    // xorshift32: enough for benchmark inputs, reproducible everywhere.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = ((state >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

function float64Product(a: Float32Array, b: Float32Array): Float64Array {
  const out = new Float64Array(ROWS * COLS);
  for (let i = 0; i < ROWS; i++) {
    for (let k = 0; k < INNER; k++) {
      const aik = a[i * INNER + k] ?? 0;
      for (let j = 0; j < COLS; j++) {
        out[i * COLS + j] = (out[i * COLS + j] ?? 0) + aik * (b[k * COLS + j] ?? 0);
      }
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measure(repeats: number): Promise<Pick<BackendReport, 'medianMs' | 'maxRelError'>> {
  const aValues = seededValues(ROWS * INNER, 1);
  const bValues = seededValues(INNER * COLS, 2);
  const expected = float64Product(aValues, bValues);
  const a = tf.tensor2d(aValues, [ROWS, INNER]);
  const b = tf.tensor2d(bValues, [INNER, COLS]);
  try {
    let result: ArrayLike<number> = [];
    const times: number[] = [];
    for (let r = 0; r <= repeats; r++) {
      const start = performance.now();
      const product = tf.matMul(a, b);
      result = await product.data();
      product.dispose();
      if (r > 0) times.push(performance.now() - start); // the first run warms up
    }
    let scale = 0;
    let maxError = 0;
    expected.forEach((value, i) => {
      scale = Math.max(scale, Math.abs(value));
      maxError = Math.max(maxError, Math.abs((result[i] ?? Number.NaN) - value));
    });
    return { medianMs: median(times), maxRelError: maxError / scale };
  } finally {
    tf.dispose([a, b]);
  }
}

/** Activates every installed backend in turn and measures it; then reports what 'auto' picks. */
export async function checkBackends(options: { repeats?: number } = {}): Promise<CheckResult> {
  const repeats = options.repeats ?? 20;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  }
  const reports: BackendReport[] = [];
  for (const name of await installedBackends()) {
    const adapter = getAdapter(name);
    if (adapter === undefined) continue;
    const probe = await adapter.probe();
    if (!probe.available) {
      reports.push({ backend: name, available: false, reason: probe.reason });
      continue;
    }
    await useBackend(adapter);
    reports.push({ backend: name, available: true, ...(await measure(repeats)) });
  }
  const auto = await useBackend('auto');
  return { reports, auto };
}
