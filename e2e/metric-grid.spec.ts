// The metric grid (issue 14): one chart per metric in sections by prefix, a regex tag filter,
// pins, a size toggle, one cursor and one zoom for every chart, charts below the fold reading
// nothing until scrolled to; in compare, one line per run in each chart.
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const YOLO = sample('plain_csv', 'ultralytics_yolov8_fire_smoke', 'results.csv');

/** `clocks`: wall_time and the like ticked in the preview (left out by default), as the wall-time axis needs. */
async function importFile(app: LrscopeApp, request: APIRequestContext, path: string, name?: string, clocks = false): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], ...(name ? { name } : {}), ...(clocks ? { mapping: { skip: [] } } : {}) });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

/** The YOLO log's own numbers, read with a plain split (the test's reading, not the importer's). */
function yoloColumn(name: string): { steps: number[]; values: number[] } {
  const [header, ...rows] = readFileSync(YOLO, 'utf8').trim().split('\n');
  const names = header!.split(',').map((h) => h.trim());
  const c = names.indexOf(name);
  return { steps: rows.map((r) => Number(r.split(',')[0])), values: rows.map((r) => Number(r.split(',')[c])) };
}

test('run view: a chart per metric, grouped by prefix, filtered, pinned, sized, one cursor and zoom, fetched when seen', async ({ app, request }, testInfo) => {
  const runId = await importFile(app, request, YOLO, 'yolov8 fire');
  const { page } = app;
  const gridRequests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().endsWith('/api/series.get')) return;
    const body = r.postDataJSON() as { metric: string; maxPoints: number };
    if (body.maxPoints === 450 || body.maxPoints === 900) gridRequests.push(body.metric); // the grid's budgets (MetricCard)
  });
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const grid = page.getByRole('region', { name: /All metrics/ });
  await expect(grid.getByRole('heading', { name: /All metrics \(14 of 14\)/ })).toBeVisible();
  for (const section of ['train', 'metrics', 'val', 'lr']) await expect(grid.getByRole('button', { name: new RegExp(`^${section} \\(\\d+\\)`) })).toBeVisible();

  // Below the fold nothing is read: the grid starts under the run's own charts.
  const cards = grid.getByTestId('metric-card');
  await expect(cards).toHaveCount(14);
  const last = cards.last();
  await expect(last).toHaveAttribute('data-state', 'waiting');
  const before = gridRequests.length;
  expect(before).toBeLessThan(14);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toHaveAttribute('data-state', 'drawn');
  expect(gridRequests.length).toBeGreaterThan(before);

  // The tag filter is a regular expression; a broken one says so and filters nothing.
  const filter = grid.getByRole('searchbox', { name: 'Filter metrics by regular expression' });
  await filter.fill('^val/');
  await expect(cards).toHaveCount(3);
  await filter.fill('val/(');
  await expect(grid.getByRole('alert')).toContainText('Not a regular expression');
  await expect(cards).toHaveCount(14);
  await filter.fill('loss');
  await expect(cards).toHaveCount(6);

  // Pinning puts the chart in a section of its own on top.
  await grid.getByRole('button', { name: 'Pin val/cls_loss' }).click();
  await expect(grid.getByRole('button', { name: /Pinned \(1\)/ })).toBeVisible();
  await expect(cards.first()).toHaveAttribute('data-metric', 'val/cls_loss');
  await expect(grid.getByRole('button', { name: 'Unpin val/cls_loss' })).toHaveAttribute('aria-pressed', 'true');

  // A closed section draws nothing.
  const train = grid.getByRole('button', { name: /^train \(/ });
  await train.click();
  await expect(train).toHaveAttribute('aria-expanded', 'false');
  await expect(cards).toHaveCount(3);
  await train.click();
  await expect(cards).toHaveCount(6);

  // Large charts are taller.
  const small = (await cards.first().getByTestId('metric-chart').boundingBox())!.height;
  await grid.getByRole('button', { name: 'Large' }).click();
  await expect(grid.getByRole('button', { name: 'Large' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await cards.first().getByTestId('metric-chart').boundingBox())!.height).toBeGreaterThan(small + 50);
  await grid.getByRole('button', { name: 'Small' }).click();

  // One cursor: pointing at one chart reads every chart at the same step, the log's own values.
  const pinned = cards.first();
  const other = cards.nth(1);
  // Both charts on screen (and so fetched) before pointing at one of them.
  await other.scrollIntoViewIfNeeded();
  await expect(other).toHaveAttribute('data-state', 'drawn');
  await pinned.scrollIntoViewIfNeeded();
  await grid.getByRole('slider', { name: 'Smooth the metric charts' }).fill('0');
  const over = pinned.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  const at = pinned.getByLabel('val/cls_loss at the cursor');
  await expect(at).toContainText('@');
  const step = Number((await at.textContent())!.split('@')[1]!.trim().replace(/,/g, ''));
  const cls = yoloColumn('val/cls_loss');
  const expectedValue = cls.values[cls.steps.indexOf(step)]!;
  await expect(at).toContainText(String(Number(expectedValue.toPrecision(4))));
  const otherMetric = (await other.getAttribute('data-metric'))!;
  const otherColumn = yoloColumn(otherMetric);
  await expect(other.getByLabel(`${otherMetric} at the cursor`)).toContainText(
    `${Number(otherColumn.values[otherColumn.steps.indexOf(step)]!.toPrecision(4))} @ ${step}`,
  );
  await page.screenshot({ path: testInfo.outputPath('metric-grid-light.png'), fullPage: true });

  // One zoom: dragging over one chart narrows every chart.
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(other.getByTestId('metric-chart')).not.toHaveAttribute('data-range', '0-24');
  const [from, to] = (await other.getByTestId('metric-chart').getAttribute('data-range'))!.split('-').map(Number);
  expect(from).toBeGreaterThanOrEqual(3);
  expect(to).toBeLessThanOrEqual(14);
  await grid.getByRole('button', { name: 'Show all steps' }).click();
  await expect(other.getByTestId('metric-chart')).toHaveAttribute('data-range', '0-24');

  // The grid's settings are kept in the database: the same after a restart of lrscope.
  await expect
    .poll(async () => (await callApi(request, app.server!, 'settings.get', { view: 'run' })).settings)
    .toMatchObject({ grid: { filter: 'loss', pinned: ['val/cls_loss'], smoothing: 0 } });
  await app.restart();
  const again = app.page.getByRole('region', { name: /All metrics/ });
  await expect(again.getByRole('searchbox', { name: 'Filter metrics by regular expression' })).toHaveValue('loss');
  await expect(again.getByRole('button', { name: /Pinned \(1\)/ })).toBeVisible();
  await expect(again.getByRole('slider', { name: 'Smooth the metric charts' })).toHaveValue('0');
});

test('compare: one line per run in every metric chart', async ({ app, request }) => {
  const names = ['digits_mlp_sgd_tf_exponential_decay_staircase', 'digits_mlp_adam_tf_cosine_decay', 'digits_mlp_sgd_torch_onecycle'];
  const ids: number[] = [];
  for (const n of names) ids.push(await importFile(app, request, sample('generated', n, 'metrics.csv'), n));
  const { page } = app;
  await page.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  const grid = page.getByRole('region', { name: /All metrics/ });
  await grid.getByRole('slider', { name: 'Smooth the metric charts' }).fill('0');
  const loss = grid.locator('[data-testid="metric-card"][data-metric="val_loss"]');
  await loss.scrollIntoViewIfNeeded();
  await expect(loss).toHaveAttribute('data-state', 'drawn');
  await expect.poll(async () => JSON.parse((await loss.getByTestId('metric-chart').getAttribute('data-series')) ?? '[]').length).toBe(3);
  const drawn = JSON.parse((await loss.getByTestId('metric-chart').getAttribute('data-series'))!) as { label: string; points: number }[];
  expect(drawn.map((d) => d.label).sort()).toEqual([...names].sort());
  // Every logged val_loss point of each run (every 100 steps), none lost or invented.
  for (const d of drawn) {
    const csv = readFileSync(sample('generated', d.label, 'metrics.csv'), 'utf8').trim().split('\n');
    const col = csv[0]!.split(',').indexOf('val_loss');
    expect(d.points).toBe(csv.slice(1).filter((r) => r.split(',')[col] !== '').length);
  }
  // The momentum chart has only the run that logs momentum; its 2,000 points are thinned to the
  // chart's budget, so the buckets' max and min are drawn as a band around the line.
  const momentum = grid.locator('[data-testid="metric-card"][data-metric="momentum"]');
  await momentum.scrollIntoViewIfNeeded();
  await expect(momentum).toHaveAttribute('data-state', 'drawn');
  await expect.poll(async () => (JSON.parse((await momentum.getByTestId('metric-chart').getAttribute('data-series')) ?? '[]') as { label: string }[]).map((d) => d.label)).toEqual(
    ['digits_mlp_sgd_torch_onecycle max', 'digits_mlp_sgd_torch_onecycle min', 'digits_mlp_sgd_torch_onecycle'],
  );
});

test('x axes: epoch, relative and wall time from the logged epoch and wall_time', async ({ app, request }, testInfo) => {
  const dir = 'digits_mlp_sgd_torch_onecycle';
  const runId = await importFile(app, request, sample('generated', dir, 'metrics.csv'), dir, true);
  const yolo = await importFile(app, request, YOLO, 'yolov8 fire');
  const [header, ...rows] = readFileSync(sample('generated', dir, 'metrics.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const cell = (row: string, name: string) => Number(row.split(',')[cols.indexOf(name)]);
  const at = (step: number) => rows.find((r) => Number(r.split(',')[0]) === step)!;

  const { page } = app;
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const grid = page.getByRole('region', { name: /All metrics/ });
  const axis = grid.getByRole('combobox', { name: 'x axis of the metric charts' });
  const card = grid.locator('[data-testid="metric-card"][data-metric="loss"]');
  await card.scrollIntoViewIfNeeded();
  const chart = card.getByTestId('metric-chart');
  await expect(chart).toHaveAttribute('data-range', /^0-\d+$/);
  const range = async () => (await chart.getAttribute('data-range'))!.split(/-(?=\d)/).map(Number);
  // The first and last drawn steps (2,000 points are thinned to the chart's budget: the last
  // bucket starts before step 1999); on every axis these two points land at their rows' values.
  const [s0, s1] = await range();
  const first = at(s0!);
  const last = at(s1!);

  // Wall time: the loss at its first and last logged step sits at the wall_time of those rows.
  await axis.selectOption('wall');
  await expect(card.getByRole('figure', { name: 'loss by wall time' })).toBeVisible();
  await expect.poll(async () => (await range())[0]).toBeCloseTo(cell(first, 'wall_time'), 3);
  expect((await range())[1]).toBeCloseTo(cell(last, 'wall_time'), 3);
  // The values at the cursor still name the step they were logged at.
  const box = (await card.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(card.getByLabel('loss at the cursor')).toContainText(/@ [\d,]+$/);
  await page.screenshot({ path: testInfo.outputPath('wall-time-axis.png') });

  // Relative time: seconds since the first logged point.
  await axis.selectOption('relative');
  await expect(card.getByRole('figure', { name: 'loss by relative time' })).toBeVisible();
  await expect.poll(async () => (await range())[0]).toBe(0);
  expect((await range())[1]).toBeCloseTo(cell(last, 'wall_time') - cell(first, 'wall_time'), 3);

  // Epoch, from the logged epoch column.
  await axis.selectOption('epoch');
  await expect(card.getByRole('figure', { name: 'loss by epoch' })).toBeVisible();
  await expect.poll(async () => (await range())[1]).toBeCloseTo(cell(last, 'epoch'), 6);

  // The axis is the grid's setting: another run opens on it; a run without a clock says so.
  await page.goto(`${app.server!.url}#/compare?runs=${runId},${yolo}`);
  const compareGrid = page.getByRole('region', { name: /All metrics/ });
  await compareGrid.getByRole('combobox', { name: 'x axis of the metric charts' }).selectOption('wall');
  await expect(compareGrid.getByRole('status').filter({ hasText: 'Not on' })).toContainText('Not on the wall time axis (no wall_time or timestamp logged): yolov8 fire.');
});

test('charts not yet read say so; a chart whose read fails says why and reads again on request', async ({ app, request }, testInfo) => {
  const runId = await importFile(app, request, YOLO, 'yolov8 fire');
  const { page } = app;
  // The grid's read of one metric fails until the test lets it through (the server is up: only
  // those requests break; the grid's are the ones with its point budgets, MetricCard).
  const failing = 'val/dfl_loss';
  let fail = true;
  // Another one is held (answered when the test says) to show the chart while it loads.
  const slow = 'epoch';
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/series.get', async (route) => {
    const body = route.request().postDataJSON() as { metric: string; maxPoints: number };
    const grid = body.maxPoints === 450 || body.maxPoints === 900;
    if (grid && fail && body.metric === failing) return route.abort('connectionrefused');
    if (grid && body.metric === slow) await held;
    return route.continue();
  });
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const grid = page.getByRole('region', { name: /All metrics/ });
  const cards = grid.getByTestId('metric-card');
  await expect(cards).toHaveCount(14);

  // Below the fold: a placeholder that says it loads when seen, not an empty chart.
  const last = cards.last();
  await expect(last).toHaveAttribute('data-state', 'waiting');
  await expect(last.getByRole('status')).toHaveText('Loads when scrolled into view');
  await expect(last.getByTestId('metric-chart')).toHaveCount(0);
  // Seen: it says it is loading until its points come.
  await expect(last).toHaveAttribute('data-metric', slow);
  await last.scrollIntoViewIfNeeded();
  await expect(last.getByRole('status')).toHaveText(`Loading ${slow}…`);
  await last.screenshot({ path: testInfo.outputPath('grid-card-loading.png') });
  release();
  await expect(last).toHaveAttribute('data-state', 'drawn');
  await expect(last.getByRole('status')).toHaveCount(0);

  // The failing chart, once seen: an error naming the metric, and a way to try again.
  const broken = grid.locator(`[data-testid="metric-card"][data-metric="${failing}"]`);
  await broken.scrollIntoViewIfNeeded();
  await expect(broken).toHaveAttribute('data-state', 'error');
  await expect(broken.getByRole('alert')).toContainText(`Could not read ${failing}`);
  await expect(broken.getByTestId('metric-chart')).toHaveCount(0);
  await broken.screenshot({ path: testInfo.outputPath('grid-card-error.png') });
  // The other charts in view are drawn all the same.
  const neighbour = grid.locator('[data-testid="metric-card"][data-metric="val/cls_loss"]');
  await expect(neighbour).toHaveAttribute('data-state', 'drawn');

  fail = false;
  await broken.getByRole('button', { name: `Read ${failing} again` }).click();
  await expect(broken).toHaveAttribute('data-state', 'drawn');
  await expect(broken.getByRole('alert')).toHaveCount(0);
  const dfl = yoloColumn(failing);
  await expect.poll(async () => (JSON.parse((await broken.getByTestId('metric-chart').getAttribute('data-series')) ?? '[]') as { points: number }[]).at(-1)?.points).toBe(dfl.values.length);
});
