import { QueueError } from './queueError.js';

/**
 * A Redis URL checked: redis:// (plain) or rediss:// (TLS), with an optional user, password and
 * database number. Returns the parsed URL.
 */
export function parseRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError(
      'INVALID_URL',
      `Invalid Redis URL '${url}': expected redis://[user:password@]host[:port][/db] or rediss://… for TLS.`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(
      'INVALID_URL',
      `Invalid Redis URL '${redactUrl(url)}': the scheme must be redis:// or rediss:// (TLS), not ${parsed.protocol}//.`,
    );
  }
  return parsed;
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
