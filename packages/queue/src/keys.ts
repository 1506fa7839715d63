/** Where LassoNet's own keys live, beside BullMQ's `<prefix>:<queue>:…` keys. */
export function runKey(prefix: string, queue: string, runId: string): string {
  return `${prefix}-run:${queue}:${runId}`;
}

export function tableKey(prefix: string, queue: string, session: string, sha256: string): string {
  return `${prefix}-table:${queue}:${session}:${sha256}`;
}

/** The default queue name and key prefix. */
export const DEFAULT_QUEUE = 'lassonet';
export const DEFAULT_PREFIX = 'lassonet';
