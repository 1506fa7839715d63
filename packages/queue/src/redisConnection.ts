import { Redis, type RedisOptions } from 'ioredis';
import { QueueError } from './queueError.js';
import { parseRedisUrl, redactUrl } from './redisUrl.js';

/** How long the first contact with Redis may take before it counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * A Redis connection for BullMQ, opened only once Redis has answered a PING: an unreachable
 * server, a refused password or a TLS failure is one QueueError naming the URL (password
 * hidden) within `timeoutMs`, instead of endless reconnection attempts. Afterwards the
 * connection reconnects on its own (`reconnect: 'always'`, for workers) or gives up after a
 * few attempts (`'briefly'`, for a run whose submitter should fail rather than hang).
 */
export async function connectRedis(
  url: string,
  options: { reconnect: 'always' | 'briefly'; timeoutMs?: number },
): Promise<Redis> {
  parseRedisUrl(url);
  const timeoutMs = options.timeoutMs ?? CONNECT_TIMEOUT_MS;
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints each failed attempt; the error is reported once, below,
  // with the socket's own reason (connect() itself only says the connection closed).
  let socketError: Error | undefined;
  probe.on('error', (error: Error) => {
    socketError ??= error;
  });
  try {
    await withTimeout(
      (async () => {
        await probe.connect();
        await probe.ping();
      })(),
      timeoutMs,
    );
  } catch (error) {
    const cause = socketError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new QueueError(
      'REDIS_UNREACHABLE',
      `Cannot reach Redis at ${redactUrl(url)}: ${reason.replace(/\.$/, '')}.`,
      { cause },
    );
  } finally {
    probe.disconnect();
  }
  const settings: RedisOptions = {
    // BullMQ's blocking commands need requests that wait for a reconnection.
    maxRetriesPerRequest: null,
    connectTimeout: timeoutMs,
    retryStrategy:
      options.reconnect === 'always'
        ? (times) => Math.min(times * 200, 5000)
        : (times) => (times > 10 ? null : Math.min(times * 200, 2000)),
  };
  const redis = new Redis(url, settings);
  redis.on('error', () => {});
  return redis;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
