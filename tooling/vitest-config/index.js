import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const shared = {
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // tfjs holds one global engine per process; isolating files keeps backends apart.
    isolate: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the totals printed after `pnpm test` (tooling/scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
};

/**
 * A package whose tests run in several places (Node and Chromium): one vitest project each.
 * Reporters are set here because vitest reads them from the root config only.
 */
export function projectsConfig(...projects) {
  return defineConfig({ test: { reporters: shared.test.reporters, projects } });
}

/** Tests that run in Node. */
export function nodeConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      ...shared,
      test: {
        ...shared.test,
        environment: 'node',
        exclude: ['**/node_modules/**', '**/dist/**', '**/*.browser.test.ts'],
      },
    }),
    overrides,
  );
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Tests that run in a real headless Chromium through Playwright. Uses Debian's
 * `chromium` (or $CHROMIUM_PATH); fails with a clear message when it is missing.
 */
export function browserConfig(overrides = {}) {
  const executablePath = findChromium();
  if (executablePath === undefined) {
    throw new Error(
      'Browser tests need Chromium: run `pnpm browser:install` (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return mergeConfig(
    defineConfig({
      ...shared,
      // Browser tests read files (such as a package's test/fixtures) through the test server,
      // which serves only the directories listed here.
      server: { fs: { allow: [repoRoot] } },
      test: {
        ...shared.test,
        // WebGL in headless Chromium is SwiftShader on the CPU: a test of a few seconds alone was
        // seen to pass 30 s while every package tested at once on two cores.
        testTimeout: 120_000,
        include: ['src/**/*.browser.test.ts'],
        browser: {
          enabled: true,
          headless: true,
          screenshotFailures: false,
          // Chromium and Vite's first dependency scan start slowly when every package tests at
          // once on a small machine; the default minute was seen to run out.
          connectTimeout: 300_000,
          provider: playwright({ launchOptions: { executablePath, args: [...CHROMIUM_ARGS] } }),
          instances: [{ browser: 'chromium' }],
        },
      },
    }),
    overrides,
  );
}
