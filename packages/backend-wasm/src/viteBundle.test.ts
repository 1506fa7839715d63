import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '@lassonet/vitest-config/chromium';
import { chromium } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WASM_FILES } from './wasmPaths.js';

// A production build of a page that uses the built package, served as static files and opened
// in headless Chromium: the .wasm binaries must be emitted by the bundler and found at run time.
describe('the built package in a Vite production bundle', () => {
  const app = fileURLToPath(new URL('../test/bundle-app/', import.meta.url));
  let outDir: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'lassonet-wasm-bundle-'));
    await build({
      root: app,
      logLevel: 'silent',
      configFile: false,
      build: { outDir, emptyOutDir: true, target: 'es2022' },
    });
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.wasm': 'application/wasm',
    };
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const file = join(outDir, path === '/' ? 'index.html' : path);
      try {
        const body = readFileSync(file);
        response.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  it('emits the three .wasm binaries as assets', () => {
    const assets = readdirSync(join(outDir, 'assets'));
    for (const file of WASM_FILES) {
      const stem = file.replace(/\.wasm$/, '');
      expect(
        assets.some((a) => a.startsWith(`${stem}-`) && a.endsWith('.wasm')),
        file,
      ).toBe(true);
    }
  });

  it('activates wasm and computes in Chromium without any set-up', async () => {
    const executablePath = findChromium();
    if (executablePath === undefined) {
      throw new Error('Chromium not found: run `pnpm system:install` or set CHROMIUM_PATH.');
    }
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(origin);
      await page.waitForFunction(() => '__result' in window, undefined, { timeout: 30_000 });
      const result = await page.evaluate(
        () => (window as unknown as { __result: unknown }).__result,
      );
      expect(result).toEqual({ name: 'wasm', product: [7, 10, 15, 22] });
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
