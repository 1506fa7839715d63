import { LassoNetError } from '@lassonet/core';

/** The codes a `BackendError` carries. */
export type BackendErrorCode =
  | 'BACKEND_NOT_INSTALLED'
  | 'BACKEND_UNAVAILABLE'
  | 'NO_BACKEND_AVAILABLE'
  | 'ADAPTER_LOAD_FAILED'
  | 'ADAPTER_CONFLICT'
  | 'BACKEND_INIT_FAILED'
  | 'BACKEND_NOT_REGISTERED'
  | 'WASM_ALREADY_CONFIGURED'
  | 'INVALID_OPTION'
  | 'KERNEL_NOT_REGISTERED'
  | 'KERNEL_INPUT';

/** Base class of every error raised by the backend interface. */
export class BackendError extends LassoNetError<BackendErrorCode> {}

/** The requested backend has no installed (or imported) adapter. */
export class BackendNotInstalledError extends BackendError {
  readonly backend: string;
  readonly installed: readonly string[];

  constructor(backend: string, installed: readonly string[], hint: string) {
    super(
      'BACKEND_NOT_INSTALLED',
      `Backend '${backend}' is not installed. ${hint} Installed backends: ${formatList(installed)}.`,
    );
    this.backend = backend;
    this.installed = installed;
  }
}

/** The adapter is installed but the backend cannot run in this environment. */
export class BackendUnavailableError extends BackendError {
  readonly backend: string;
  readonly reason: string;
  readonly available: readonly string[];

  constructor(backend: string, reason: string, available: readonly string[], cause?: unknown) {
    super(
      'BACKEND_UNAVAILABLE',
      `Backend '${backend}' cannot run here: ${reason}. Backends that can run here: ${formatList(available)}.`,
      cause === undefined ? undefined : { cause },
    );
    this.backend = backend;
    this.reason = reason;
    this.available = available;
  }
}

/** `useBackend('auto')` found no adapter that can run here. */
export class NoBackendAvailableError extends BackendError {
  constructor(details: readonly string[]) {
    super(
      'NO_BACKEND_AVAILABLE',
      details.length === 0
        ? 'No backend adapter is installed. Install and import one of @lassonet/backend-cpu, @lassonet/backend-wasm or @lassonet/backend-webgl.'
        : `No installed backend can run here: ${details.join('; ')}.`,
    );
  }
}

export function formatList(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}
