// Compare experiments (issue 6): three real logs, picked in the runs list, aligned three ways,
// with summary figures checked against the files themselves, a CSV export, and a saved comparison
// reopened after a restart.
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const RUNS = {
  staircase: 'digits_mlp_sgd_tf_exponential_decay_staircase',
  cosine: 'digits_mlp_adam_tf_cosine_decay',
  onecycle: 'digits_mlp_sgd_torch_onecycle',
} as const;
type RunKey = keyof typeof RUNS;

/** The schedules the runs were trained with (each run's run.json). */
const SPECS: Record<RunKey, Record<string, unknown>> = {
  staircase: { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true },
  cosine: { kind: 'keras.CosineDecay', initial_learning_rate: 0.002, decay_steps: 2500, alpha: 0.05 },
  onecycle: { kind: 'torch.OneCycleLR', max_lr: 0.2, total_steps: 2000, pct_start: 0.3, anneal_strategy: 'cos' },
};

const file = (key: RunKey) => sample('generated', RUNS[key], 'metrics.csv');

/** A column of the log, read with a plain split: the test's own reading, not the importer's. */
function column(key: RunKey, name: string): { steps: number[]; values: number[] } {
  const [header, ...rows] = readFileSync(file(key), 'utf8').trim().split('\n');
  const names = header!.split(',');
  const s = names.indexOf('step');
  const c = names.indexOf(name);
  const out = { steps: [] as number[], values: [] as number[] };
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[c] === '' || cells[c] === undefined) continue;
    out.steps.push(Number(cells[s]));
    out.values.push(cells[c]!.toLowerCase() === 'nan' ? NaN : Number(cells[c]));
  }
  return out;
}

function expectedFigures(key: RunKey, common: { from: number; to: number }) {
  const { steps, values } = column(key, 'loss');
  const finite = values.map((v, i) => [steps[i]!, v] as const).filter(([, v]) => Number.isFinite(v));
  let min = finite[0]!;
  for (const p of finite) if (p[1] < min[1]) min = p;
  let auc = 0;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]! > common.to || steps[i - 1]! < common.from) continue;
    if (Number.isFinite(values[i]!) && Number.isFinite(values[i - 1]!)) auc += ((steps[i]! - steps[i - 1]!) * (values[i]! + values[i - 1]!)) / 2;
  }
  return { final: finite.at(-1)![1], min: min[1], minStep: min[0], nan: values.filter((v) => Number.isNaN(v)).length, auc, steps, values };
}

async function importRuns(app: LrscopeApp, request: APIRequestContext): Promise<void> {
  const server = app.server!;
  for (const key of Object.keys(RUNS) as RunKey[]) {
    let job = await callApi(request, server, 'imports.start', { paths: [file(key)] });
    while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
    expect(job.state).toBe('done');
  }
  const runs = await callApi(request, server, 'runs.list', {});
  for (const key of Object.keys(RUNS) as RunKey[]) {
    const run = runs.find((r) => r.name === RUNS[key])!;
    const schedule = await callApi(request, server, 'schedules.save', { name: `${key} schedule`, spec: SPECS[key] });
    await callApi(request, server, 'schedules.attach', { scheduleId: schedule.id, runIds: [run.id] });
  }
}

test('compare three runs: pick, align, summary from the files, CSV, save and reopen after a restart', async ({ app, request }, testInfo) => {
  await importRuns(app, request);
  const page = app.page;
  // Points are read when the view opens, zooms or changes metric: a handful of requests, never a storm.
  let seriesRequests = 0;
  page.on('request', (r) => r.url().endsWith('/api/series.get') && seriesRequests++);
  await page.reload();
  const list = page.getByRole('complementary', { name: 'Runs' });

  // The filter takes a regular expression, and falls back to plain text when it is not one.
  const filter = list.getByRole('searchbox', { name: 'Filter runs' });
  await filter.fill('_tf_(exponential|cosine)');
  await expect(list.getByRole('checkbox')).toHaveCount(2);
  await filter.fill('sgd_(');
  await expect(list.getByRole('status')).toContainText('Not a valid regular expression');
  await expect(list.getByRole('checkbox')).toHaveCount(0);
  await filter.fill('^digits_mlp');
  await expect(list.getByRole('checkbox')).toHaveCount(3);

  // Tick the first run, shift-click the last: the range between is ticked too.
  const boxes = list.getByRole('checkbox');
  await boxes.first().click();
  await boxes.last().click({ modifiers: ['Shift'] });
  await expect(boxes.nth(1)).toBeChecked();
  await list.getByRole('button', { name: 'Compare (3)' }).click();

  await expect(page).toHaveURL(/#\/compare\?runs=\d+,\d+,\d+$/);
  const legend = page.getByRole('list', { name: 'Runs compared' }).getByRole('button');
  await expect(legend).toHaveCount(3);
  const order = (await legend.allTextContents()).map((t) => t.trim());
  const keyOf = (name: string) => (Object.keys(RUNS) as RunKey[]).find((k) => RUNS[k] === name)!;
  expect(order.map(keyOf).sort()).toEqual(['cosine', 'onecycle', 'staircase']);

  const lossChart = page.getByTestId('compare-loss-chart');
  const lrChart = page.getByTestId('compare-lr-chart');
  const charts = page.locator('[data-x-label]');
  // By step: the longest run's last logged loss is step 2999.
  await expect(lossChart).toHaveAttribute('data-range', '0-2999');
  await expect(charts).toHaveAttribute('data-x-label', 'step');
  const drawn = JSON.parse((await lossChart.getAttribute('data-series'))!) as { label: string; points: number }[];
  // Smoothing is on by default: the raw curve (faint) and the smoothed one per run.
  expect(drawn.map((d) => d.label)).toEqual(order.flatMap((n) => [`${n} (raw)`, n]));
  expect(drawn.map((d) => d.points)).toEqual(order.flatMap((n) => Array(2).fill(column(keyOf(n), 'loss').steps.length)));
  // Every drop of the staircase schedule is marked (500, 1000, … 2500).
  await expect(lossChart).toHaveAttribute('data-marks', '500,1000,1500,2000,2500');
  // Pointing at the chart reads every run's value there.
  const plot = (await lossChart.locator('.u-over').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height / 2);
  const readout = page.getByLabel('At the cursor', { exact: true });
  for (const name of order) await expect(readout).toContainText(name);
  await expect(readout).toContainText(/step \d/);
  await page.screenshot({ path: testInfo.outputPath('compare-by-step.png'), fullPage: true });

  // Dragging over about a tenth of the steps reads every run again over just those steps.
  await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => {
    const zoomed = JSON.parse((await lossChart.getAttribute('data-series'))!) as { points: number }[];
    return Math.max(...zoomed.map((d) => d.points));
  }).toBeLessThan(500);
  const [from, to] = (await lossChart.getAttribute('data-range'))!.split('-').map(Number);
  expect(from).toBeGreaterThan(800);
  expect(to! - from!).toBeLessThan(400);
  await expect(page.getByText('loading…')).toHaveCount(0);
  const afterZoom = seriesRequests;
  expect(afterZoom).toBeLessThan(40);
  await lossChart.locator('.u-over').dblclick();
  await expect(lossChart).toHaveAttribute('data-range', '0-2999');
  await expect(page.getByText('loading…')).toHaveCount(0);
  expect(seriesRequests - afterZoom).toBeLessThanOrEqual(9); // one read of each run's loss, lr and epoch

  // By fraction of the run: every run spans 0–100 %.
  await page.getByRole('radio', { name: 'fraction of run' }).check();
  await expect(lossChart).toHaveAttribute('data-range', '0-100');
  await expect(charts).toHaveAttribute('data-x-label', 'training (%)');
  // The drops of a 3000-step run at 500, 1000, … land at 500/2999 of the way, and so on.
  await expect(lossChart).toHaveAttribute('data-marks', [500, 1000, 1500, 2000, 2500].map((s) => (s / 2999) * 100).join(','));
  await page.screenshot({ path: testInfo.outputPath('compare-by-fraction.png'), fullPage: true });

  // By epoch: steps mapped through the logged epoch; the last loss step's epoch ends the axis.
  await page.getByRole('radio', { name: 'epoch' }).check();
  const epoch = column('staircase', 'epoch');
  await expect(lossChart).toHaveAttribute('data-range', `0-${epoch.values[epoch.steps.indexOf(2999)]}`);
  await expect(charts).toHaveAttribute('data-x-label', 'epoch');
  await page.getByRole('radio', { name: 'step' }).check();
  await expect(lossChart).toHaveAttribute('data-range', '0-2999');

  // The summary: figures from every logged point, against the files parsed here.
  const onecycleSteps = column('onecycle', 'loss').steps;
  const common = { from: 0, to: onecycleSteps.at(-1)! };
  const table = page.getByRole('table', { name: 'Summary of the compared runs' });
  for (const name of order) {
    const key = keyOf(name);
    const want = expectedFigures(key, common);
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row.locator('[data-column="final"]')).toHaveAttribute('data-value', String(want.final));
    await expect(row.locator('[data-column="min"]')).toHaveAttribute('data-value', String(want.min));
    await expect(row.locator('[data-column="minStep"]')).toHaveAttribute('data-value', String(want.minStep));
    await expect(row.locator('[data-column="nanCount"]')).toHaveAttribute('data-value', String(want.nan));
    const auc = Number(await row.locator('[data-column="auc"]').getAttribute('data-value'));
    expect(auc).toBeCloseTo(want.auc, 6);
    if (key === 'staircase') {
      // The staircase's last drop is at step 2500: the loss logged there.
      await expect(row.locator('[data-column="restart"]')).toHaveAttribute('data-value', String(want.values[want.steps.indexOf(2500)]));
    } else {
      await expect(row.locator('[data-column="restart"]')).toHaveText('–');
    }
  }
  await expect(table.getByRole('columnheader', { name: 'area (common steps)' })).toHaveAttribute('title', /trapezoid rule/);
  await page.getByRole('region', { name: 'Schedule differences' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('compare-tables.png') });

  // Sortable by any column: final loss ascending, then descending.
  const byFinal = [...order].sort((a, b) => expectedFigures(keyOf(a), common).final - expectedFigures(keyOf(b), common).final);
  await table.getByRole('button', { name: 'final loss' }).click();
  await expect(table.getByRole('rowheader')).toHaveText(byFinal);
  await table.getByRole('button', { name: /final loss/ }).click();
  await expect(table.getByRole('rowheader')).toHaveText([...byFinal].reverse());

  // The schedule diff: one column per run, differing rows highlighted.
  const diff = page.getByRole('table', { name: 'Schedule parameters by run' });
  const decayRate = diff.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'decay_rate', exact: true }) });
  await expect(decayRate.getByRole('cell')).toHaveText(order.map((n) => (keyOf(n) === 'staircase' ? '0.5' : '—')));
  await expect(decayRate).toHaveAttribute('data-differs', 'true');
  await expect(diff.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'kind', exact: true }) }).getByRole('cell')).toHaveText(
    order.map((n) => SPECS[keyOf(n)].kind as string),
  );

  // Legend: hovering highlights a run in both charts; a click hides it and a second shows it.
  const first = legend.first();
  await first.hover();
  const firstId = new URL(page.url()).hash.match(/runs=(\d+)/)![1]!;
  await expect(lossChart).toHaveAttribute('data-emphasis', firstId);
  await expect(lrChart).toHaveAttribute('data-emphasis', firstId);
  await page.screenshot({ path: testInfo.outputPath('compare-hover.png'), fullPage: true });
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'false');
  await page.mouse.move(0, 0);
  await expect(lossChart).toHaveAttribute('data-emphasis', '');
  await expect.poll(async () => (JSON.parse((await lossChart.getAttribute('data-series'))!) as { label: string }[]).map((d) => d.label)).toEqual(
    order.slice(1).flatMap((n) => [`${n} (raw)`, n]),
  );
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');

  // Export the visible data as CSV: the aligned x, then one column per run and line.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  const lossColumns = order.flatMap((n) => [`${n} loss`, `${n} loss smoothed`]);
  const lrColumns = order.flatMap((n) => [`${n} scheduled lr`, `${n} lr logged`]);
  expect(csv[0]!.split(',')).toEqual(['step', ...lossColumns, ...lrColumns]);
  // Every step any of the runs logged (loss or lr), once: the staircase and cosine runs' 0–2999.
  const allSteps = new Set((Object.keys(RUNS) as RunKey[]).flatMap((k) => [...column(k, 'loss').steps, ...column(k, 'lr').steps]));
  expect(csv.length - 1).toBe(allSteps.size);
  // The row of the last step has the raw loss of the runs that logged it.
  const last = csv.at(-1)!.split(',');
  expect(Number(last[0])).toBe(Math.max(...allSteps));
  const staircaseLoss = column('staircase', 'loss');
  expect(Number(last[1 + 2 * order.findIndex((n) => keyOf(n) === 'staircase')])).toBe(staircaseLoss.values.at(-1));

  // The charts as a PNG: a real image, as wide as the charts, taller than one chart.
  const pngPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync((await (await pngPromise).path())!);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const chartBox = (await lossChart.boundingBox())!;
  expect(width).toBeGreaterThanOrEqual(Math.floor(chartBox.width));
  expect(height).toBeGreaterThan(chartBox.height);

  // Settings to save: by fraction, log y, more smoothing.
  await page.getByRole('radio', { name: 'fraction of run' }).check();
  await page.getByRole('checkbox', { name: 'log y' }).check();
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.8');
  await page.getByRole('textbox', { name: 'Comparison name' }).fill('digits: three schedules');
  await page.getByRole('button', { name: 'Save comparison' }).click();
  const saved = page.getByRole('navigation', { name: 'Saved comparisons' });
  await expect(saved.getByRole('link', { name: /digits: three schedules/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('compare-saved.png'), fullPage: true });

  // Away, restart, come back through the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await app.restart();
  const again = app.page;
  await again.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await again.getByRole('navigation', { name: 'Saved comparisons' }).getByRole('link', { name: /digits: three schedules/ }).click();
  await expect(again.getByRole('heading', { name: 'digits: three schedules' })).toBeVisible();
  await expect(again.getByRole('list', { name: 'Runs compared' }).getByRole('button')).toHaveText(order);
  await expect(again.getByRole('radio', { name: 'fraction of run' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'log y' })).toBeChecked();
  await expect(again.getByRole('slider', { name: 'Smoothing' })).toHaveValue('0.8');
  await expect(again.getByTestId('compare-loss-chart')).toHaveAttribute('data-range', '0-100');
  await again.screenshot({ path: testInfo.outputPath('compare-reopened.png'), fullPage: true });
});
