// x axes beyond the metric grid (issue 14): the run view's schedule-vs-loss chart and compare's
// charts by wall time and relative time, from the wall_time column the generated runs log. The
// loss, the scheduled rate and its drop marks land at the clock of the steps they belong to; the
// readout names the step and its time; a run without a clock says it cannot be drawn that way.
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const STAIRCASE = 'digits_mlp_sgd_tf_exponential_decay_staircase';
const ONECYCLE = 'digits_mlp_sgd_torch_onecycle';
const YOLO = sample('plain_csv', 'ultralytics_yolov8_fire_smoke', 'results.csv');

/** `clocks`: wall_time kept as the run's clock (the default), or left out as a user may untick it in the preview. */
async function importFile(app: LrscopeApp, request: APIRequestContext, path: string, name: string, clocks: boolean): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], name, ...(clocks ? {} : { mapping: { skip: ['wall_time'] } }) });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

/** The log's rows by step, read with a plain split (the test's own reading). */
function rowsOf(dir: string): Map<number, Record<string, number>> {
  const [header, ...rows] = readFileSync(sample('generated', dir, 'metrics.csv'), 'utf8').trim().split('\n');
  const names = header!.split(',');
  return new Map(
    rows.map((r) => {
      const cells = r.split(',');
      return [Number(cells[0]), Object.fromEntries(names.map((n, i) => [n, cells[i] === '' ? NaN : Number(cells[i])]))];
    }),
  );
}

/** As the app writes a wall-clock time (charts/time-format.ts), in this machine's time zone like the browser's. */
function wallTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const rangeOf = async (chart: import('@playwright/test').Locator) => (await chart.getAttribute('data-range'))!.split(/-(?=\d)/).map(Number);

test('run view: loss, scheduled rate and drop marks by wall time and relative time; the readout names step and time', async ({ app, request }, testInfo) => {
  const runId = await importFile(app, request, sample('generated', STAIRCASE, 'metrics.csv'), STAIRCASE, true);
  const schedule = await callApi(request, app.server!, 'schedules.save', {
    name: 'stairs',
    spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true },
  });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });
  const rows = rowsOf(STAIRCASE);
  const clock = (step: number) => rows.get(step)!.wall_time!;

  const { page } = app;
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const chart = page.getByTestId('run-chart');
  await expect(chart).toHaveAttribute('data-marks', /500/);
  // Steps 0 … 2999 logged; the schedule is drawn one step past the last (3000).
  expect(await rangeOf(chart)).toEqual([0, 3000]);
  const secondsPerStep = clock(2999) - clock(2998);

  // Wall time: the chart spans the clock of its first and last step; the drops at steps 500 … 2500
  // (the staircase's) sit at the clock of those steps, where the loss logged there sits.
  await page.getByRole('combobox', { name: 'x axis of the run charts' }).selectOption('wall');
  await expect(page.getByRole('figure', { name: 'Loss and learning rate' })).toBeVisible();
  await expect.poll(async () => (await rangeOf(chart))[0]).toBeCloseTo(clock(0), 3);
  // Step 3000 was not logged: its time is the last step's pace carried on.
  expect((await rangeOf(chart))[1]).toBeCloseTo(clock(2999) + secondsPerStep, 3);
  const marks = (await chart.getAttribute('data-marks'))!.split(',').map(Number);
  for (const step of [500, 1000, 1500, 2000, 2500]) expect(marks.some((x) => Math.abs(x - clock(step)) < 1e-3), `drop at step ${step}`).toBe(true);
  // The scheduled rate is drawn as a staircase on the clock axis too: stairs at 0, 500 … 3000.
  const drawn = JSON.parse((await chart.getAttribute('data-series'))!) as { label: string; path: string; levels: number }[];
  expect(drawn.find((s) => s.label === 'scheduled lr')).toMatchObject({ path: 'stepped', levels: 7 });
  // The grid below is on the same axis (one per view).
  await expect(page.getByRole('combobox', { name: 'x axis of the metric charts' })).toHaveValue('wall');

  // The readout: the step under the cursor, its wall time, the log's values at that step.
  const box = (await chart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  const readout = page.getByLabel('At the cursor', { exact: true });
  await expect(readout).toHaveAttribute('data-step', /^\d+$/);
  const step = Number(await readout.getAttribute('data-step'));
  await expect(readout.locator('[data-x]')).toHaveText(`wall time ${wallTime(clock(step))}`);
  await expect(readout.locator('[data-metric="loss"]')).toHaveAttribute('data-value', String(rows.get(step)!.loss));
  // The schedule at that step (the engine computes in float32, as TensorFlow does).
  expect(Number(await readout.locator('[data-scheduled]').getAttribute('data-value'))).toBeCloseTo(0.1 * 0.5 ** Math.floor(step / 500), 8);
  await page.screenshot({ path: testInfo.outputPath('run-view-wall-time.png'), fullPage: true });
  await chart.screenshot({ path: testInfo.outputPath('run-view-wall-time-chart.png') });

  // The grid's charts are drawn on it too (its mapping read when the axis changed above them).
  const gridLoss = page.locator('[data-testid="metric-card"][data-metric="loss"]');
  await gridLoss.scrollIntoViewIfNeeded();
  await expect(gridLoss.getByRole('figure', { name: 'loss by wall time' })).toBeVisible();

  // Relative time, chosen in the grid: seconds since the first step, in the charts above as well.
  await page.getByRole('combobox', { name: 'x axis of the metric charts' }).selectOption('relative');
  await expect(page.getByRole('combobox', { name: 'x axis of the run charts' })).toHaveValue('relative');
  await expect.poll(async () => (await rangeOf(chart))[1]).toBeCloseTo(clock(2999) + secondsPerStep - clock(0), 3);
  expect((await rangeOf(chart))[0]).toBe(0);
  await expect(gridLoss.getByRole('figure', { name: 'loss by relative time' })).toBeVisible();

  // A run without a clock says so and stays drawn by step.
  const yolo = await importFile(app, request, YOLO, 'yolov8 fire', false);
  await page.goto(`${app.server!.url}#/runs/${yolo}`);
  await expect(page.getByRole('status').filter({ hasText: 'cannot be drawn' })).toHaveText(
    'This run cannot be drawn on the relative time axis (no wall_time or timestamp logged): its charts are by step.',
  );
  await expect(page.getByTestId('run-chart')).toHaveAttribute('data-range', '0-24');
});

test('compare: runs by wall time, schedules and marks on the clock, a run without a clock named', async ({ app, request }, testInfo) => {
  const ids = [
    await importFile(app, request, sample('generated', STAIRCASE, 'metrics.csv'), STAIRCASE, true),
    await importFile(app, request, sample('generated', ONECYCLE, 'metrics.csv'), ONECYCLE, true),
    await importFile(app, request, sample('generated', ONECYCLE, 'metrics.csv'), 'onecycle, clock left out', false),
  ];
  const stairs = await callApi(request, app.server!, 'schedules.save', {
    name: 'stairs',
    spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true },
  });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: stairs.id, runIds: [ids[0]!] });
  const staircase = rowsOf(STAIRCASE);
  const onecycle = rowsOf(ONECYCLE);

  const { page } = app;
  await page.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  await page.getByRole('radio', { name: 'wall time' }).check();
  const loss = page.getByTestId('compare-loss-chart');
  // The two runs were trained one after the other: the axis spans the first one's start to the last one's end.
  const starts = [staircase.get(0)!.wall_time!, onecycle.get(0)!.wall_time!];
  const ends = [staircase.get(2999)!.wall_time!, onecycle.get(1999)!.wall_time!];
  await expect.poll(async () => (await rangeOf(loss))[0]).toBeCloseTo(Math.min(...starts), 3);
  expect((await rangeOf(loss))[1]).toBeCloseTo(Math.max(...ends), 3);
  await expect(page.getByRole('status').filter({ hasText: 'Not shown' })).toHaveText(
    'Not shown when aligned by wall time (no wall_time or timestamp logged): onecycle, clock left out.',
  );
  // The staircase's drops on the learning-rate chart, at the clock of their steps.
  const lr = page.getByTestId('compare-lr-chart');
  await expect(lr).toHaveAttribute('data-marks', /\d/);
  const marks = (await lr.getAttribute('data-marks'))!.split(',').map(Number);
  for (const step of [500, 1000, 2500]) expect(marks.some((x) => Math.abs(x - staircase.get(step)!.wall_time!) < 1e-3), `drop at step ${step}`).toBe(true);

  // The readout names the time under the cursor and each run's step there.
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0');
  const box = (await loss.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  const readout = page.getByLabel('At the cursor', { exact: true });
  await expect(readout.locator('[data-run]').first()).toHaveAttribute('data-step', /^\d+$/);
  const x = Number(await readout.getAttribute('data-x'));
  await expect(readout).toContainText(`wall time ${wallTime(x)}`);
  const first = readout.locator(`[data-run="${STAIRCASE}"]`);
  const step = Number(await first.getAttribute('data-step'));
  expect(staircase.get(step)!.wall_time!).toBeLessThanOrEqual(x + 1e-3);
  await expect(first).toHaveAttribute('data-value', String(staircase.get(step)!.loss));
  await page.screenshot({ path: testInfo.outputPath('compare-wall-time.png'), fullPage: true });

  // The metric grid follows the view's axis, and draws on it.
  await expect(page.getByRole('combobox', { name: 'x axis of the metric charts' })).toHaveValue('wall');
  const gridLoss = page.locator('[data-testid="metric-card"][data-metric="loss"]');
  await gridLoss.scrollIntoViewIfNeeded();
  await expect(gridLoss.getByRole('figure', { name: 'loss by wall time' })).toBeVisible();
  // Relative time chosen in the grid aligns the comparison by it.
  await page.getByRole('combobox', { name: 'x axis of the metric charts' }).selectOption('relative');
  await expect(page.getByRole('radio', { name: 'relative time' })).toBeChecked();
  await expect(gridLoss.getByRole('figure', { name: 'loss by relative time' })).toBeVisible();
  await expect.poll(async () => (await rangeOf(loss))[0]).toBe(0);
});
