import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../test-utils/paths.js';
import { type ServedPage, serveBuiltPage } from '../test-utils/servedPage.js';

// The production build of the page, served as static files and driven in headless Chromium
// the way a visitor uses it: the path runs in a Web Worker on the default backend (webgl,
// through SwiftShader here).
describe('the demo page', () => {
  let served: ServedPage;
  let browser: Browser;
  let url: string;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serveBuiltPage();
    ({ browser, url } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(`${url}${query}`);
    await expect
      .poll(() => page.textContent('#data-status'), { timeout: 20_000 })
      .toMatch(/copy shipped with @lassonet\/datasets/);
    return page;
  }

  const column = (page: Page, index: number) =>
    page.$$eval(`#steps tbody tr td:nth-child(${index})`, (cells) =>
      cells.map((c) => Number(c.textContent)),
    );

  it('runs a quick path live, then shows the proteins of a clicked step', async () => {
    // wasm: the same page and worker, without SwiftShader's slow emulated GPU.
    const page = await open('?backend=wasm');
    await page.check('#quick');
    // Steps appear while the path runs, one at a time: the page notes the table's row count at
    // every change made while the run is on. Rows shown only at the end would give one count.
    // (Watching from the test instead races a quick path, which can end between two reads.)
    await page.evaluate(() => {
      const counts: number[] = [];
      Object.assign(window, { rowCounts: counts });
      const body = document.querySelector('#steps tbody') as HTMLTableSectionElement;
      const status = document.querySelector('#status') as HTMLElement;
      new MutationObserver(() => {
        if (status.dataset.state === 'running' && body.rows.length > 0) {
          counts.push(body.rows.length);
        }
      }).observe(body, { childList: true });
    });
    await page.click('#run');
    await page.waitForSelector('#status[data-state="done"]', { timeout: 240_000 });
    const counts = await page.evaluate(
      () => (window as unknown as { rowCounts: number[] }).rowCounts,
    );
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('#status')).toMatch(/^Done: \d+ steps on wasm in /);

    const features = await column(page, 3);
    expect(features.length).toBeGreaterThanOrEqual(5);
    expect(features[0]).toBe(77);
    expect(features.at(-1)).toBe(0);
    for (let t = 1; t < features.length; t++) {
      expect(features[t]).toBeLessThanOrEqual(features[t - 1] as number);
    }
    const accuracies = await column(page, 4);
    for (const a of accuracies) expect(a >= 0 && a <= 1).toBe(true);

    // Both charts are drawn, with their axes.
    const accuracyChart = await page.textContent('#accuracy-chart svg');
    expect(accuracyChart).toContain('Selected features (count)');
    const pathChart = await page.textContent('#path-chart svg');
    expect(pathChart).toContain('Selected features against λ');
    expect(pathChart).toContain('λ (penalty, log scale)');

    // Clicking a step with some features left lists exactly its proteins.
    const index = features.findIndex((n) => n > 0 && n < 77);
    expect(index).toBeGreaterThan(0);
    await page.click(`#steps tbody tr[data-step="${index}"]`);
    const names = await page.$$eval('#protein-list li', (items) => items.map((i) => i.textContent));
    expect(names).toHaveLength(features[index] as number);
    for (const name of names) expect(name).toMatch(/^\w+_N$/);
    expect(await page.textContent('#proteins-caption')).toContain(`Step ${index}:`);
    expect(await page.getAttribute(`#steps tbody tr[data-step="${index}"]`, 'class')).toBe(
      'selected',
    );

    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, 'demo-page.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('trains on webgl by default, and the stop button aborts the path', async () => {
    const page = await open();
    expect(await page.inputValue('#backend')).toBe('auto');
    await page.check('#quick');
    await page.click('#run');
    await page.waitForSelector('#steps tbody tr:nth-child(1)', { timeout: 180_000 });
    expect(await page.textContent('#status')).toMatch(/^webgl · λ /);
    await page.click('#stop');
    await page.waitForSelector('#status[data-state="stopped"]', { timeout: 60_000 });
    const shown = await page.$$eval('#steps tbody tr', (rows) => rows.length);
    expect(await page.textContent('#status')).toMatch(new RegExp(`^Stopped after ${shown} steps`));
    expect(await page.isDisabled('#stop')).toBe(true);
    expect(await page.isEnabled('#run')).toBe(true);
    // The worker is gone: nothing more arrives.
    await page.waitForTimeout(1_000);
    expect(await page.$$eval('#steps tbody tr', (rows) => rows.length)).toBe(shown);
    expect(problems).toEqual([]);
    await page.close();
  });
});
