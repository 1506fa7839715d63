#!/usr/bin/env node
// Finds the Chromium that the browser tests drive (Debian's `chromium`, or $CHROMIUM_PATH).
//   --check    exit 1 with instructions when it is missing
//   --install  install Debian's `chromium` with apt-get when it is missing
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { findChromium } from '../vitest-config/chromium.js';

const { values } = parseArgs({
  options: { check: { type: 'boolean' }, install: { type: 'boolean' } },
});

const found = findChromium();
if (found !== undefined) {
  if (values.install) console.log(`Chromium is installed: ${found}`);
  process.exit(0);
}

const howTo =
  'The WebGL tests run in headless Chromium. Install it with `pnpm browser:install` ' +
  '(Debian/Ubuntu: apt-get install chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary.';

if (values.check || !values.install) {
  console.error(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist. ${howTo}`
      : `Chromium not found. ${howTo}`,
  );
  process.exit(1);
}

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!hasAptGet) {
  console.error(`Chromium not found and apt-get is not available here. ${howTo}`);
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
    console.error(`Installing Chromium failed. ${howTo}`);
    process.exit(1);
  }
};
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);
const installed = findChromium();
if (installed === undefined) {
  console.error(`apt-get finished but no Chromium binary was found. ${howTo}`);
  process.exit(1);
}
console.log(`Chromium is installed: ${installed}`);
