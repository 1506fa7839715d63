import { afterEach, describe, expect, it } from 'vitest';
import type { Chart } from './chart.js';
import { PlotError, plotAccuracy, plotCV, plotPath, plotStability } from './index.js';

const path = Array.from({ length: 20 }, (_, t) => ({ lambda: 0.1 * 1.3 ** t, nSelected: 20 - t }));
const scores = path.map((step) => 0.5 + step.nSelected / 45);
const lambdas = path.map((step) => step.lambda);
const cv = plotCV({
  lambdas,
  foldScores: [0, 1, 2].map((f) => scores.map((s) => s - 0.01 * f)),
  bestLambda: lambdas[8] as number,
  foldSelected: [0, 1, 2].map(() => path.map((step) => step.nSelected)),
});
const stability = plotStability(
  {
    prob: lambdas.map((_, t) => [0, 1, 2, 3].map((j) => 1 / (1 + Math.exp(t - 5 * j)))),
    lambdas,
    wrong: [0.1, 0.5, 1.5, 3],
    order: [3, 2, 1, 0],
    oracle: 2,
  },
  ['alpha', 'beta', 'gamma', 'delta'],
);

const mounted: { finalize(): void }[] = [];

afterEach(() => {
  for (const view of mounted.splice(0)) view.finalize();
  document.body.replaceChildren();
});

/** Mounts a chart into a new element in the page; resolves to the drawn svg. */
async function draw(chart: Chart, width: number | 'container', elementWidth = 2000) {
  const element = document.createElement('div');
  element.style.width = `${elementWidth}px`;
  document.body.append(element);
  mounted.push(await chart.mount(element, { width }));
  const svg = element.querySelector('svg');
  if (svg === null) throw new Error('no svg drawn');
  return { element, svg, width: Number(svg.getAttribute('width')) };
}

/** The plotting areas' boxes, one per panel, left to right then top to bottom. */
function panels(svg: SVGSVGElement): DOMRect[] {
  return [...svg.querySelectorAll('.mark-group.role-scope > g > path.background')].map((p) =>
    p.getBoundingClientRect(),
  );
}

describe('mount() with a width', () => {
  it('fits a single view to the width exactly', async () => {
    for (const width of [300, 640, 1100]) {
      expect((await draw(plotAccuracy(path, scores), width)).width).toBe(width);
    }
  });

  it("fits a single view to its element with 'container'", async () => {
    const { svg, width } = await draw(plotAccuracy(path, scores), 'container', 530);
    expect(width).toBe(530);
    expect(svg.querySelectorAll('.mark-symbol path')).toHaveLength(20);
  });

  it('resizes panels side by side to fill the width without passing it', async () => {
    for (const width of [1400, 1000, 760]) {
      const { svg, width: drawn } = await draw(plotPath(path, scores, { width: 1200 }), width);
      expect(drawn).toBeLessThanOrEqual(width);
      expect(drawn).toBeGreaterThan(width - 10);
      const boxes = panels(svg);
      expect(boxes).toHaveLength(3);
      // Side by side: one row, of panels the same width.
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
      expect(
        Math.max(...boxes.map((b) => b.width)) - Math.min(...boxes.map((b) => b.width)),
      ).toBeLessThan(2);
      expect(svg.querySelectorAll('.mark-symbol path')).toHaveLength(60);
    }
  });

  it('stacks panels that would be narrower than 150 px, and wraps titles wider than a panel', async () => {
    const { svg, width } = await draw(plotPath(path, scores, { scoreName: 'Test accuracy' }), 340);
    expect(width).toBeLessThanOrEqual(340);
    expect(width).toBeGreaterThan(330);
    const boxes = panels(svg);
    expect(boxes).toHaveLength(3);
    expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
    for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(150);
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]?.top).toBeGreaterThan(boxes[i - 1]?.bottom as number);
    }
    expect(svg.textContent).toContain('Selected features against λ');

    // At 760 px the panels stay side by side, 150 px or more, and the long first title goes on
    // two lines no wider than its panel.
    const row = await draw(plotPath(path, scores, { scoreName: 'Test accuracy' }), 760);
    const rowBoxes = panels(row.svg);
    expect(new Set(rowBoxes.map((b) => Math.round(b.top))).size).toBe(1);
    for (const box of rowBoxes) expect(box.width).toBeGreaterThanOrEqual(150);
    const title = row.svg.querySelector('.concat_0_group .role-title-text text');
    expect(title?.querySelectorAll('tspan').length).toBe(2);
    expect(title?.getBoundingClientRect().width).toBeLessThanOrEqual(
      (rowBoxes[0]?.width as number) + 1,
    );
  });

  it('fits stacked panels (cross-validation) and panels of different widths (stability)', async () => {
    for (const chart of [cv, stability]) {
      for (const width of [900, 500]) {
        const drawn = (await draw(chart, width)).width;
        expect(drawn).toBeLessThanOrEqual(width);
        expect(drawn).toBeGreaterThan(width - 10);
      }
    }
    const { width } = await draw(cv, 'container', 610);
    expect(width).toBeLessThanOrEqual(610);
    expect(width).toBeGreaterThan(600);
  });

  it('rejects a bad width, an unknown option and a container that is not in the page', async () => {
    const element = document.createElement('div');
    const chart = plotAccuracy(path, scores);
    for (const [options, code, message] of [
      [{ width: 99 }, 'INVALID_OPTION', /width must be 'container' or an integer .*, got 99/],
      [{ width: 'auto' }, 'INVALID_OPTION', /width must be 'container' or .*, got 'auto'/],
      [{ height: 300 }, 'UNKNOWN_OPTION', /Unknown option 'height' for mount/],
      [{ width: 'container' }, 'INVALID_OPTION', /it is 0 pixels wide; put it in the page/],
    ] as const) {
      const error = await chart.mount(element, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlotError);
      expect((error as PlotError).code).toBe(code);
      expect((error as PlotError).message).toMatch(message);
    }
  });
});
