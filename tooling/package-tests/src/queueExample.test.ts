import { join } from 'node:path';
import { type RedisServer, startRedisServer } from '@lassonet/redis-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExample } from './readmeExample.js';
import { repoRoot, runNodeModule } from './workspace.js';

describe('the @lassonet/queue README example', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs under plain node against a redis-server: two workers select what one process does', () => {
    const { stdout } = runNodeModule(
      readmeExample('packages/queue'),
      join(repoRoot, 'tooling/package-tests'),
      { REDIS_URL: server.url },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => /^model \d+ of 8 done$/.test(l))).toHaveLength(8);
    expect(stdout).toMatch(/^keep \d+: features [\d, ]+$/m);
    expect(lines.at(-1)).toBe('same as in this process: true');
  }, 120_000);
});
