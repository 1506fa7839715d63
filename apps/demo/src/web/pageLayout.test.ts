import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir } from '../test-utils/paths.js';
import { type ServedPage, serveBuiltPage } from '../test-utils/servedPage.js';

/** Desktop widths the page is used at, and a phone (an iPhone 12 to 15 in portrait). */
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 1440, height: 1000 },
  { width: 390, height: 844 },
] as const;
/** Rounding of fractional layout: a box may stick out of another by this much. */
const SLACK = 1;
/** Narrower panels leave axis labels and points crowded together. */
const MIN_PANEL_WIDTH = 120;

type Box = { left: number; right: number; top: number; bottom: number };

interface ChartLayout {
  id: string;
  container: Box;
  /** The chart's drawing (svg or canvas), or undefined when nothing is drawn. */
  drawing: Box | undefined;
  /** The drawing's width in the page over the width it was drawn at: not 1 means text scaled. */
  scale: number;
  /** Every axis label and data point, so a clipped last label or point is named. */
  marks: { what: string; box: Box }[];
  panelWidths: number[];
}

interface PageLayout {
  innerWidth: number;
  scrollWidth: number;
  charts: ChartLayout[];
}

// Runs in the page: where each chart's container, drawing, labels and points are.
function measure(): PageLayout {
  const box = (element: Element): Box => {
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const charts = [...document.querySelectorAll<HTMLElement>('.charts .chart')].map((container) => {
    const drawing = container.querySelector('svg, canvas');
    // A canvas holds device pixels; its CSS width is the width it was drawn at.
    const drawnWidth =
      drawing instanceof HTMLCanvasElement
        ? Number.parseFloat(drawing.style.width) || drawing.width
        : Number(drawing?.getAttribute('width'));
    const marks = [
      ...container.querySelectorAll('.role-axis-label text, .role-title-text text'),
      ...container.querySelectorAll('.mark-symbol path'),
    ].map((element) => ({
      what: element.closest('.mark-symbol')
        ? `point (${element.getAttribute('aria-label') ?? ''})`
        : `text '${element.textContent ?? ''}'`,
      box: box(element),
    }));
    // Each panel's plotting area is the background of its group in the scene.
    const panelWidths = [
      ...container.querySelectorAll('.mark-group.role-scope > g > path.background'),
    ].map((element) => element.getBoundingClientRect().width);
    return {
      id: container.id,
      container: box(container),
      drawing: drawing === null ? undefined : box(drawing),
      scale: drawing === null ? 1 : drawing.getBoundingClientRect().width / drawnWidth,
      marks,
      panelWidths,
    };
  });
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    charts,
  };
}

const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - SLACK &&
  inner.right <= outer.right + SLACK &&
  inner.top >= outer.top - SLACK &&
  inner.bottom <= outer.bottom + SLACK;

/**
 * Resizes the page, and waits for its charts to be drawn again (they are replaced) and then to
 * stop changing. Charts that are not redrawn within a few seconds are measured as they are.
 */
async function resizeAndSettle(page: Page, size: { width: number; height: number }) {
  const current = page.viewportSize();
  if (current?.width !== size.width || current.height !== size.height) {
    const before = await page.$$('.charts .chart svg, .charts .chart canvas');
    await page.setViewportSize(size);
    await page
      .waitForFunction((drawings) => drawings.every((d) => !d.isConnected), before, {
        timeout: 5_000,
      })
      .catch(() => undefined);
  }
  let previous = '';
  let same = 0;
  for (let tries = 0; tries < 60; tries++) {
    const layout = await page.evaluate(measure);
    const key = JSON.stringify(layout);
    same = key === previous ? same + 1 : 0;
    previous = key;
    if (same === 2) return layout;
    await page.waitForTimeout(200);
  }
  throw new Error('The charts kept changing for 12 s after the resize.');
}

// The production build of the page at desktop and phone widths, after a quick path run: every
// chart must fit its box, with no axis label or point cut off, and the page must not scroll
// sideways.
describe('the demo page layout', () => {
  let served: ServedPage;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    served = await serveBuiltPage();
    ({ browser, url } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  it('fits every chart in its box at 1280, 1440 and 390 px wide', async () => {
    const problems: string[] = [];
    const first = VIEWPORTS[0];
    const page = await browser.newPage({ viewport: { ...first } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    // wasm: the page's worker without SwiftShader's slow emulated GPU; quick: a few epochs.
    await page.goto(`${url}?backend=wasm&quick=1`);
    // Ready when the run button can be pressed and the data status no longer says it is
    // still looking (the page's waiting texts end in an ellipsis).
    await page.waitForFunction(
      () => {
        const run = document.querySelector<HTMLButtonElement>('#run');
        const status = document.querySelector('#data-status')?.textContent?.trim() ?? '';
        return run !== null && !run.disabled && status !== '' && !status.endsWith('…');
      },
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.isChecked('#quick')).toBe(true);
    await page.click('#run');
    await page.waitForSelector('#status:is([data-state="done"], [data-state="error"])', {
      timeout: 120_000,
    });
    expect(await page.textContent('#status')).toMatch(/^Done: \d+ steps on wasm in /);

    mkdirSync(artifactsDir, { recursive: true });
    const failures: string[] = [];
    for (const viewport of VIEWPORTS) {
      const layout = await resizeAndSettle(page, { ...viewport });
      await page.screenshot({
        path: join(artifactsDir, `demo-layout-${viewport.width}.png`),
        fullPage: true,
      });
      const at = `at ${viewport.width} px`;
      if (layout.scrollWidth > layout.innerWidth) {
        failures.push(
          `${at}: the page is ${layout.scrollWidth} px wide in a ${layout.innerWidth} px window`,
        );
      }
      expect(layout.charts.map((c) => c.id)).toEqual(['accuracy-chart', 'path-chart']);
      for (const chart of layout.charts) {
        const { container, drawing } = chart;
        if (drawing === undefined) {
          failures.push(`${at}: #${chart.id} has no chart`);
          continue;
        }
        if (container.left < -SLACK || container.right > layout.innerWidth + SLACK) {
          failures.push(`${at}: #${chart.id} (${fmt(container)}) leaves the window`);
        }
        if (!inside(drawing, container)) {
          failures.push(
            `${at}: #${chart.id}'s chart (${fmt(drawing)}) leaves its box (${fmt(container)})`,
          );
        }
        if (Math.abs(chart.scale - 1) > 0.01) {
          failures.push(`${at}: #${chart.id} is scaled by ${chart.scale.toFixed(2)}`);
        }
        const cut = chart.marks.filter((mark) => !inside(mark.box, container));
        if (cut.length > 0) {
          failures.push(
            `${at}: #${chart.id} cuts ${cut.length} labels or points, the last ${cut.at(-1)?.what} at ${fmt(cut.at(-1)?.box)}`,
          );
        }
        const narrow = chart.panelWidths.filter((w) => w < MIN_PANEL_WIDTH);
        if (narrow.length > 0) {
          failures.push(
            `${at}: #${chart.id} has panels ${narrow.map(Math.round).join(', ')} px wide`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

function fmt(box: Box | undefined): string {
  if (box === undefined) return '?';
  const r = Math.round;
  return `x ${r(box.left)}–${r(box.right)}, y ${r(box.top)}–${r(box.bottom)}`;
}
