// The restart/drop table in the run view (issue 9, item 4): the figures on screen are the ones
// computed here from the CSV by plain loops, and the table says how they were computed.
import { readFileSync } from 'node:fs';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

const FILE = sample('generated', 'digits_mlp_sgd_tf_exponential_decay_staircase', 'metrics.csv');
const EVENTS = [500, 1000, 1500, 2000, 2500];
const N = 20;
const W = 0.6;

function expected() {
  const [header, ...rows] = readFileSync(FILE, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const cells = rows.map((r) => r.split(',')).filter((c) => c[names.indexOf('loss')] !== '');
  const steps = cells.map((c) => Number(c[names.indexOf('step')]));
  const values = cells.map((c) => Number(c[names.indexOf('loss')]));
  return EVENTS.map((event, k) => {
    const end = EVENTS[k + 1] ?? Infinity;
    const before = values.filter((_, i) => steps[i]! < event).slice(-N);
    const lossBefore = before.reduce((a, b) => a + b, 0) / before.length;
    let [ema, count, peak, recovered] = [0, 0, -Infinity, null as number | null];
    steps.forEach((s, i) => {
      if (s < event || s >= end) return;
      ema = ema * W + (1 - W) * values[i]!;
      const smoothed = ema / (1 - W ** ++count);
      peak = Math.max(peak, smoothed);
      if (recovered === null && smoothed <= lossBefore) recovered = s;
    });
    return { lossBefore, peak, recovered };
  });
}

test('the restart/drop table shows the figures of every stored point, with N and the window said', async ({ app, request }, testInfo) => {
  const { page } = app;
  const run = (await callApi(request, app.server!, 'runs.list', {})).length; // 0: a fresh database
  expect(run).toBe(0);
  const job = await callApi(request, app.server!, 'imports.start', { paths: [FILE] });
  await expect.poll(async () => (await callApi(request, app.server!, 'imports.progress', { jobId: job.id })).state).toBe('done');
  const runId = (await callApi(request, app.server!, 'runs.list', {}))[0]!.id;
  const schedule = await callApi(request, app.server!, 'schedules.save', {
    name: 'staircase',
    spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true },
  });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });

  await page.goto(`${app.server!.origin}/#/runs/${runId}`);
  await page.reload(); // the run list was read before the API import
  const section = page.getByRole('region', { name: 'Restarts and drops' });
  const rows = section.getByRole('row');
  await expect(rows).toHaveCount(EVENTS.length + 1);
  const want = expected();
  for (let i = 0; i < EVENTS.length; i++) {
    const row = rows.nth(i + 1);
    await expect(row.getByRole('cell').first()).toHaveText(EVENTS[i]!.toLocaleString('en-US'));
    expect(Number(await row.locator('[data-column="before"]').getAttribute('data-value'))).toBeCloseTo(want[i]!.lossBefore, 12);
    expect(Number(await row.locator('[data-column="peak"]').getAttribute('data-value'))).toBeCloseTo(want[i]!.peak, 12);
    await expect(row.locator('[data-column="recovered"]')).toHaveAttribute('data-value', String(want[i]!.recovered ?? ''));
  }
  // Zoomed into steps with no event at all, the table is the same: it does not read the chart's points.
  const before = (await section.locator('tbody').textContent())!;
  const plot = (await page.getByTestId('run-chart').locator('.u-over').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.05, plot.y + plot.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.12, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Show all steps' })).toBeVisible();
  await expect(section.locator('tbody')).toHaveText(before);
  await expect(rows).toHaveCount(EVENTS.length + 1);
  await page.getByRole('button', { name: 'Show all steps' }).click();

  await expect(section).toContainText(`mean of the last ${N} logged loss values before the event`);
  await expect(section).toContainText(`weight ${W}`);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('restart-table.png'), fullPage: true });
});
