import { type Chart, plotAccuracy, plotPath } from '@lassonet/plot';
import type { DemoStep } from '../core/demoPath.js';
import type { DataSource, FromWorker, ToWorker, WebBackend } from './messages.js';

/** Redraw the charts at most this often while the path runs; each redraw is a new Vega view. */
const CHART_INTERVAL_MS = 400;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const ui = {
  drop: $<HTMLDivElement>('#drop'),
  dataStatus: $<HTMLSpanElement>('#data-status'),
  file: $<HTMLInputElement>('#file'),
  backend: $<HTMLSelectElement>('#backend'),
  seed: $<HTMLInputElement>('#seed'),
  quick: $<HTMLInputElement>('#quick'),
  run: $<HTMLButtonElement>('#run'),
  stop: $<HTMLButtonElement>('#stop'),
  status: $<HTMLParagraphElement>('#status'),
  accuracyChart: $<HTMLElement>('#accuracy-chart'),
  pathChart: $<HTMLElement>('#path-chart'),
  steps: $<HTMLTableSectionElement>('#steps tbody'),
  caption: $<HTMLParagraphElement>('#proteins-caption'),
  proteins: $<HTMLUListElement>('#protein-list'),
};

let source: DataSource = { kind: 'package' };
let worker: Worker | undefined;
let featureNames: string[] = [];
let steps: DemoStep[] = [];
let backend = '';
let started = 0;
let pinned: number | undefined;
let chartTimer: ReturnType<typeof setTimeout> | undefined;
let lastChartDraw = 0;
/** The live view in each chart element, finalized when it is replaced. */
const views = new Map<HTMLElement, { finalize(): void }>();
/** The width each chart element was last drawn for, and its latest draw (older ones are dropped). */
const drawnWidths = new Map<HTMLElement, number>();
const latestDraw = new Map<HTMLElement, number>();

// Settings can come from the address (?quick=1&backend=wasm&seed=3), so a run can be shared.
const params = new URLSearchParams(location.search);
const backendParam = params.get('backend');
if ([...ui.backend.options].some((option) => option.value === backendParam)) {
  ui.backend.value = backendParam as string;
}
if (params.has('seed')) ui.seed.value = params.get('seed') as string;
ui.quick.checked = params.get('quick') === '1';

function setStatus(text: string, state: 'idle' | 'running' | 'done' | 'stopped' | 'error'): void {
  ui.status.textContent = text;
  ui.status.dataset.state = state;
}

function useFile(file: File): void {
  source = { kind: 'file', file, name: file.name };
  ui.dataStatus.textContent = `Data: ${file.name} (${Math.round(file.size / 1024)} kB)`;
}

ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  if (file !== undefined) useFile(file);
});
ui.drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  ui.drop.classList.add('over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (event) => {
  event.preventDefault();
  ui.drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file !== undefined) useFile(file);
});

ui.run.addEventListener('click', () => {
  const seed = Number(ui.seed.value);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    setStatus(`The seed must be an integer >= 0, got '${ui.seed.value}'.`, 'error');
    return;
  }
  reset();
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data);
  worker.onerror = (event) => finish(`Error: ${event.message}`, 'error');
  const message: ToWorker = {
    type: 'run',
    source,
    backend: ui.backend.value as WebBackend,
    seed,
    quick: ui.quick.checked,
  };
  worker.postMessage(message);
  ui.run.disabled = true;
  ui.stop.disabled = false;
  started = performance.now();
  setStatus('Loading the data and starting the backend…', 'running');
});

ui.stop.addEventListener('click', () => {
  worker?.postMessage({ type: 'stop' } satisfies ToWorker);
  ui.stop.disabled = true;
  setStatus('Stopping…', 'running');
});

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'started':
      backend = message.backend;
      featureNames = message.featureNames;
      setStatus(
        `Training on ${message.nTrain} mice (${message.nTest} held out) with ${backend}…`,
        'running',
      );
      break;
    case 'step':
      steps.push(message.step);
      addRow(message.step, message.index);
      setStatus(
        `${backend} · λ ${formatLambda(message.step.lambda)} · ${message.step.nSelected} of ${featureNames.length} proteins left · ${elapsed()} s`,
        'running',
      );
      scheduleCharts();
      break;
    case 'done':
      drawCharts();
      finish(
        `Done: ${steps.length} steps on ${backend} in ${message.seconds.toFixed(1)} s. Hover or click a step.`,
        'done',
      );
      break;
    case 'stopped':
      drawCharts();
      finish(`Stopped after ${steps.length} steps (${elapsed()} s).`, 'stopped');
      break;
    case 'error':
      finish(`Error: ${message.message}`, 'error');
      break;
  }
}

function finish(text: string, state: 'done' | 'stopped' | 'error'): void {
  worker?.terminate();
  worker = undefined;
  ui.run.disabled = false;
  ui.stop.disabled = true;
  setStatus(text, state);
}

function reset(): void {
  steps = [];
  pinned = undefined;
  ui.steps.replaceChildren();
  ui.proteins.replaceChildren();
  ui.caption.textContent = 'Hover or click a step in the table or a chart.';
  for (const view of views.values()) view.finalize();
  views.clear();
  // Charts of the previous run still being drawn are dropped.
  for (const [element, draw] of latestDraw) latestDraw.set(element, draw + 1);
  ui.accuracyChart.replaceChildren();
  ui.pathChart.replaceChildren();
}

function addRow(step: DemoStep, index: number): void {
  const row = document.createElement('tr');
  row.dataset.step = String(index);
  for (const text of [
    String(index),
    formatLambda(step.lambda),
    String(step.nSelected),
    step.testAccuracy.toFixed(3),
    String(step.epochs),
  ]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  row.addEventListener('mouseenter', () => showProteins(index));
  row.addEventListener('mouseleave', () => showProteins(pinned));
  row.addEventListener('click', () => pin(index));
  ui.steps.append(row);
}

function pin(index: number): void {
  pinned = index;
  for (const row of ui.steps.querySelectorAll('tr.selected')) row.classList.remove('selected');
  ui.steps.querySelector(`tr[data-step="${index}"]`)?.classList.add('selected');
  showProteins(index);
}

function showProteins(index: number | undefined): void {
  const step = index === undefined ? undefined : steps[index];
  if (step === undefined) {
    ui.caption.textContent = 'Hover or click a step in the table or a chart.';
    ui.proteins.replaceChildren();
    return;
  }
  ui.caption.textContent = `Step ${index}: λ ${formatLambda(step.lambda)}, ${step.nSelected} proteins, test accuracy ${step.testAccuracy.toFixed(3)}`;
  ui.proteins.replaceChildren(
    ...step.selected.map((j) => {
      const item = document.createElement('li');
      item.textContent = featureNames[j] ?? `feature ${j}`;
      return item;
    }),
  );
}

function scheduleCharts(): void {
  if (chartTimer !== undefined) return;
  const wait = Math.max(0, lastChartDraw + CHART_INTERVAL_MS - performance.now());
  chartTimer = setTimeout(() => {
    chartTimer = undefined;
    drawCharts();
  }, wait);
}

function drawCharts(): void {
  if (chartTimer !== undefined) clearTimeout(chartTimer);
  chartTimer = undefined;
  if (steps.length === 0) return;
  lastChartDraw = performance.now();
  const accuracies = steps.map((s) => s.testAccuracy);
  const options = { scoreName: 'Test accuracy', height: 360 };
  const accuracyWidth = chartWidth(ui.accuracyChart);
  void mount(
    ui.accuracyChart,
    accuracyWidth,
    plotAccuracy(steps, accuracies, {
      ...options,
      title: 'Accuracy against selected proteins',
      width: accuracyWidth,
    }),
  );
  const pathWidth = chartWidth(ui.pathChart);
  void mount(
    ui.pathChart,
    pathWidth,
    plotPath(steps, accuracies, { ...options, width: pathWidth }),
  );
}

/** The width a chart gets: its box's inner width (the charts' smallest is 100 px). */
function chartWidth(element: HTMLElement): number {
  return Math.min(10_000, Math.max(100, element.clientWidth));
}

// Charts are drawn for their box's width, so a box that changes width (the window resized, a
// phone turned) gets its charts drawn again; height changes come from the charts themselves.
const resizes = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const element = target as HTMLElement;
    if (drawnWidths.get(element) !== chartWidth(element)) scheduleCharts();
  }
});
resizes.observe(ui.accuracyChart);
resizes.observe(ui.pathChart);

async function mount(element: HTMLElement, width: number, chart: Chart): Promise<void> {
  const draw = (latestDraw.get(element) ?? 0) + 1;
  latestDraw.set(element, draw);
  drawnWidths.set(element, width);
  const holder = document.createElement('div');
  // Mounted before it is in the page (no blank box meanwhile), so the width is given in pixels.
  const view = await chart.mount(holder, { width });
  if (latestDraw.get(element) !== draw) {
    // A later draw (new steps, a new width) started meanwhile: this one is out of date.
    view.finalize();
    return;
  }
  // Points carry their step index: pointing at one shows its proteins, clicking pins it.
  view.addEventListener('mouseover', (_event, item) => {
    const step = stepOf(item);
    if (step !== undefined) showProteins(step);
  });
  view.addEventListener('click', (_event, item) => {
    const step = stepOf(item);
    if (step !== undefined) pin(step);
  });
  element.replaceChildren(holder);
  views.get(element)?.finalize();
  views.set(element, view);
}

function stepOf(item: unknown): number | undefined {
  const datum = (item as { datum?: { step?: unknown } } | null)?.datum;
  return typeof datum?.step === 'number' ? datum.step : undefined;
}

function formatLambda(lambda: number): string {
  return lambda === 0 ? '0 (dense)' : lambda.toPrecision(4);
}

function elapsed(): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
