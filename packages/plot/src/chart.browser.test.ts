import { describe, expect, it } from 'vitest';
import { plotAccuracy, plotPath } from './index.js';
import { pngSize } from './test-utils/png.js';

const path = Array.from({ length: 20 }, (_, t) => ({ lambda: 0.1 * 1.3 ** t, nSelected: 20 - t }));
const scores = path.map((step) => 0.5 + step.nSelected / 45);

describe('charts in the browser', () => {
  it('mount() renders a live chart into an element, one point per step', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const view = await plotAccuracy(path, scores).mount(element);
    expect(element.querySelector('svg')).not.toBeNull();
    expect(element.querySelectorAll('.mark-symbol path')).toHaveLength(20);
    expect(element.textContent).toContain('Selected features (count)');
    view.finalize();
    element.remove();
  });

  it('toPNG() draws through a canvas at the size asked', async () => {
    const png = await plotPath(path, scores).toPNG({ width: 900, height: 300 });
    expect(pngSize(png)).toEqual({ width: 900, height: 300 });
    expect(png.length).toBeGreaterThan(10_000);
  });
});
