#!/usr/bin/env node
// Finds the system programs the tests use: the Chromium the browser tests drive (Debian's
// `chromium`, or $CHROMIUM_PATH) and the redis-server the queue tests start on loopback
// (Debian's `redis-server`, or $REDIS_SERVER).
//   --check    exit 1 with instructions when one is missing
//   --install  install the missing ones with apt-get (Debian, Ubuntu)
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { findRedisServer } from '../redis-server/index.js';
import { findChromium } from '../vitest-config/chromium.js';

const { values } = parseArgs({
  options: { check: { type: 'boolean' }, install: { type: 'boolean' } },
});

const programs = [
  {
    name: 'Chromium',
    find: findChromium,
    variable: 'CHROMIUM_PATH',
    debian: 'chromium',
    why: 'The WebGL tests run in headless Chromium.',
  },
  {
    name: 'redis-server',
    find: findRedisServer,
    variable: 'REDIS_SERVER',
    debian: 'redis-server',
    why: 'The queue tests start their own Redis on loopback.',
  },
];

const howTo = (p) =>
  `${p.why} Install it with \`pnpm system:install\` (Debian/Ubuntu: apt-get install ${p.debian}) ` +
  `or point ${p.variable} at the binary.`;

const missing = programs.filter((p) => p.find() === undefined);
if (values.install) {
  for (const p of programs)
    if (!missing.includes(p)) console.log(`${p.name} is installed: ${p.find()}`);
}
if (missing.length === 0) process.exit(0);

if (values.check || !values.install) {
  for (const p of missing) {
    console.error(
      process.env[p.variable]
        ? `${p.variable}=${process.env[p.variable]} does not exist. ${howTo(p)}`
        : `${p.name} not found. ${howTo(p)}`,
    );
  }
  process.exit(1);
}

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasAptGet) {
  for (const p of missing)
    console.error(`${p.name} not found and apt-get is not available here. ${howTo(p)}`);
  process.exit(1);
}
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? [] : ['sudo'];
const run = (args) => {
  console.log(`$ ${[...sudo, ...args].join(' ')}`);
  const result = spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    for (const p of missing) console.error(`Installing ${p.name} failed. ${howTo(p)}`);
    process.exit(1);
  }
};
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', ...missing.map((p) => p.debian)]);
for (const p of missing) {
  const installed = p.find();
  if (installed === undefined) {
    console.error(`apt-get finished but ${p.name} was not found. ${howTo(p)}`);
    process.exit(1);
  }
  console.log(`${p.name} is installed: ${installed}`);
}
