import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, type RedisServer, startRedisServer } from '@lassonet/redis-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exampleArgs,
  lassonet,
  lastJson,
  QUICK,
  startLassonet,
  tempDir,
} from '../test-utils/runBuilt.js';

/** A short lock, so that a killed worker's path is taken up again within seconds. */
const LOCK = ['--lock-duration', '1000'];
const STABILITY = ['stability', ...exampleArgs('regression', 'mean'), '--models', '6', ...QUICK];

interface Worker {
  child: ChildProcess;
  lines: string[];
  /** Resolves at the first line matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  exit: Promise<number | null>;
}

/** Starts `lassonet worker` and resolves once it serves the queue. */
async function startWorker(url: string, env: Record<string, string> = {}): Promise<Worker> {
  const child = startLassonet(['worker', '--redis', url, ...LOCK], env);
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    lines.push(text);
    for (const w of waiting.filter((w) => w.pattern.test(text))) w.resolve(text);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const worker: Worker = {
    child,
    lines,
    exit,
    line: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      return seen !== undefined
        ? Promise.resolve(seen)
        : new Promise((resolve) => waiting.push({ pattern, resolve }));
    },
  };
  await worker.line(/^Serving queue 'lassonet'/);
  return worker;
}

/** stability.json of a run, as the local and the distributed runs are compared. */
function stabilityOf(out: string) {
  const saved = JSON.parse(readFileSync(join(out, 'stability.json'), 'utf8'));
  return { order: saved.order, oracle: saved.oracle, probabilities: saved.probabilities };
}

/** Runs the built command without blocking this process (workers are its children too). */
function runAsync(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startLassonet(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

let server: RedisServer;
let local: ReturnType<typeof stabilityOf>;

beforeAll(async () => {
  server = await startRedisServer();
  const out = tempDir();
  const run = lassonet([...STABILITY, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  local = stabilityOf(out);
});

afterAll(async () => {
  await server?.stop();
});

describe('lassonet stability --redis with lassonet worker processes', () => {
  it('gives exactly the local order, oracle and probabilities with two workers', async () => {
    const workers = [await startWorker(server.url), await startWorker(server.url)];
    try {
      const out = tempDir();
      const run = await runAsync([...STABILITY, '--redis', server.url, '--out', out, '--json']);
      expect(run.stderr).toMatch(/Training 7 paths on the workers of queue 'lassonet'\./);
      expect(run.code).toBe(0);
      expect(stabilityOf(out)).toEqual(local);
      expect(lastJson<{ order: string[] }>(run.stdout).order).toEqual(local.order);
      // Both workers trained some of the paths.
      for (const w of workers) expect(w.lines.some((l) => / done in /.test(l))).toBe(true);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exit));
    }
  });

  it('gives the same result when a worker is killed mid-run and a fresh one takes over', async () => {
    const first = await startWorker(server.url);
    const second = await startWorker(server.url);
    let fresh: Worker | undefined;
    try {
      const out = tempDir();
      const run = runAsync([...STABILITY, '--redis', server.url, '--out', out]);
      // The first worker dies while it trains a path of the six models.
      await first.line(/^path \d of 6 .*: started$/);
      first.child.kill('SIGKILL');
      await first.exit;
      fresh = await startWorker(server.url);
      const result = await run;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(stabilityOf(out)).toEqual(local);
    } finally {
      for (const w of [first, second, fresh]) w?.child.kill('SIGKILL');
      await Promise.all([first, second, fresh].map((w) => w?.exit));
    }
  });

  it('cross-validates a grid on the workers exactly as here', async () => {
    const cv = [
      'cv',
      ...exampleArgs('regression', 'mean'),
      '--folds',
      '3',
      '--path-multiplier',
      '1.1',
      '--backend',
      'wasm',
      '--grid',
      'hidden-dims=4|8',
      '--json',
    ];
    const here = lassonet([...cv, '--out', tempDir()]);
    expect(here.code).toBe(0);
    const workers = [await startWorker(server.url), await startWorker(server.url)];
    try {
      const run = await runAsync([...cv, '--redis', server.url, '--out', tempDir()]);
      expect(run.stderr).toMatch(
        /Training 6 fold paths \(2 option sets x 3 folds\) on the workers of queue 'lassonet'\./,
      );
      expect(run.code).toBe(0);
      const fields = (stdout: string) => {
        const { seconds: _s, outputs: _o, ...rest } = lastJson<Record<string, unknown>>(stdout);
        return rest;
      };
      expect(fields(run.stdout)).toEqual(fields(here.stdout));
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exit));
    }
  });

  it('stops a worker on Ctrl-C after its current path, with a summary', async () => {
    const worker = await startWorker(server.url);
    worker.child.kill('SIGINT');
    expect(await worker.exit).toBe(0);
    expect(worker.lines.at(-1)).toBe('Stopped: 0 paths done, 0 failed, 0 put back.');
  });
});

describe('a password and TLS', () => {
  it('run over rediss:// with a password, and a wrong password is one line', async () => {
    const secure = await startRedisServer({ tls: true, password: 'pa ss' });
    const env = { NODE_EXTRA_CA_CERTS: secure.caFile as string };
    expect(secure.url).toMatch(/^rediss:\/\/:pa%20ss@127\.0\.0\.1:\d+$/);
    const worker = await startWorker(secure.url, env);
    try {
      const out = tempDir();
      const run = await runAsync([...STABILITY, '--redis', secure.url, '--out', out], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(stabilityOf(out)).toEqual(local);
      const wrong = secure.url.replace('pa%20ss', 'nope');
      const refused = await runAsync([...STABILITY, '--redis', wrong, '--out', tempDir()], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n').at(-1)).toMatch(
        new RegExp(
          `^Cannot reach Redis at rediss://:\\*\\*\\*@127\\.0\\.0\\.1:${secure.port}: WRONGPASS`,
        ),
      );
      // Without the certificate's authority, TLS itself fails, in one line.
      const untrusted = await runAsync(['worker', '--redis', secure.url]);
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr.trim()).toBe(
        `Cannot reach Redis at rediss://:***@127.0.0.1:${secure.port}: self-signed certificate.`,
      );
    } finally {
      worker.child.kill('SIGKILL');
      await worker.exit;
      await secure.stop();
    }
  });
});

describe('an unreachable Redis', () => {
  it('is one line and exit code 2 within 10 s, for the submitter and the worker', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    for (const args of [
      [...STABILITY, '--redis', url, '--out', tempDir()],
      ['cv', ...exampleArgs('regression', 'mean'), ...QUICK, '--redis', url, '--out', tempDir()],
      ['worker', '--redis', url],
    ]) {
      const started = Date.now();
      const run = await runAsync(args);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(
        new RegExp(`^Cannot reach Redis at ${url}: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\.$`),
      );
    }
  });
});

describe('usage errors', () => {
  it.each([
    [['worker'], 'lassonet worker needs --redis URL (redis://host:6379, rediss:// for TLS).'],
    [
      ['worker', '--redis', 'localhost:6379'],
      /^Invalid Redis URL 'localhost:6379': the scheme must be/,
    ],
    [
      [...STABILITY, '--redis', 'redis://127.0.0.1:1', '--concurrency', '2'],
      '--concurrency is for local threads; with --redis, each worker sets its own (lassonet worker --concurrency N).',
    ],
    [[...STABILITY, '--queue', 'q'], '--queue names a queue on Redis: give --redis URL too.'],
  ])('lassonet %j', (args, message) => {
    const run = lassonet(args[0] === 'worker' ? args : [...args, '--out', tempDir()]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(lines[0]?.endsWith('backend wasm') ? 2 : 1);
    if (typeof message === 'string') expect(lines.at(-1)).toBe(message);
    else expect(lines.at(-1)).toMatch(message);
  });
});
