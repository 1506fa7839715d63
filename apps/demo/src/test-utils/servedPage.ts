import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '@lassonet/vitest-config/chromium';
import { type Browser, chromium } from 'playwright';
import { build, preview } from 'vite';
import { appDir } from './paths.js';

export interface ServedPage {
  /** The page's address on loopback. */
  url: string;
  browser: Browser;
  /** Stops the browser and the server and removes the build. */
  close(): Promise<void>;
}

/**
 * The production build of the page (with the MICE copy that ships with @lassonet/datasets),
 * served as static files on 127.0.0.1, and a headless Chromium to visit it.
 */
export async function serveBuiltPage(): Promise<ServedPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'lassonet-demo-page-'));
  await build({ root: appDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root: appDir,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const close = async (browser?: Browser) => {
    await browser?.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
  const executablePath = findChromium();
  if (executablePath === undefined) {
    await close();
    throw new Error('Chromium not found: run `pnpm system:install` or set CHROMIUM_PATH.');
  }
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  return { url: server.resolvedUrls?.local[0] as string, browser, close: () => close(browser) };
}
