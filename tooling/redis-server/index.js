import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findRedisServer(env = process.env) {
  if (env.REDIS_SERVER) return existsSync(env.REDIS_SERVER) ? env.REDIS_SERVER : undefined;
  const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const found = onPath.status === 0 ? onPath.stdout.trim() : '';
  if (found !== '') return found;
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether the server on `port` answers PING (any answer, NOAUTH included, means it is up). */
function answers(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (data) => done(/^[+-]/.test(data.toString('latin1'))));
  });
}

/** A self-signed certificate for 127.0.0.1 in `dir` (openssl), for a TLS server. */
function selfSignedCertificate(dir) {
  const cert = join(dir, 'tls.crt');
  const key = join(dir, 'tls.key');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) {
    throw new Error(`openssl could not make a test certificate: ${made.stderr || made.error}`);
  }
  return { cert, key };
}

export async function startRedisServer(options = {}) {
  const binary = findRedisServer();
  if (binary === undefined) {
    throw new Error(
      'redis-server not found: install it with `pnpm system:install` (Debian/Ubuntu: apt-get install redis-server) or set REDIS_SERVER.',
    );
  }
  let lastError = '';
  // Another process may take the free port between the check and the start: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'lassonet-redis-'));
    const tls = options.tls ? selfSignedCertificate(dir) : undefined;
    const listen =
      tls === undefined
        ? ['--port', String(port)]
        : ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.cert].concat([
            '--tls-key-file',
            tls.key,
            '--tls-auth-clients',
            'no',
          ]);
    const args = [
      ...listen,
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
      ...(options.password === undefined ? [] : ['--requirepass', options.password]),
    ];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    let exited = false;
    const exit = new Promise((resolve) =>
      child.on('exit', () => {
        exited = true;
        resolve();
      }),
    );
    const deadline = Date.now() + 10_000;
    // A TLS port does not answer plain PING: its log line says it is ready.
    const ready = () =>
      tls === undefined
        ? answers(port)
        : Promise.resolve(/Ready to accept connections/.test(output));
    while (!exited && Date.now() < deadline && !(await ready())) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!exited && (await ready())) {
      const password = options.password;
      const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
      return {
        url: `${tls === undefined ? 'redis' : 'rediss'}://${auth}127.0.0.1:${port}`,
        port,
        password,
        caFile: tls?.cert,
        async stop() {
          if (!exited) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exit;
            clearTimeout(timer);
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await exit;
    rmSync(dir, { recursive: true, force: true });
    lastError = output.trim().split('\n').slice(-3).join(' ');
  }
  throw new Error(`redis-server did not start: ${lastError}`);
}
