// A run that diverged (issue 9, items 6 and 10): one finite 2.9e29, then inf and NaN. The loss
// chart keeps the healthy part readable (TensorBoard's "ignore outliers" range, on by default),
// shows everything on demand and on a log axis, keeps the non-finite stretch marked, and the
// display settings survive a reload. A metric logged once is drawn (as a dot).
import { mkdirSync, writeFileSync } from 'node:fs';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'sets up the run through the browser-mode API');

function divergedCsv(): string {
  const lines = ['step,loss,test_acc'];
  for (let s = 0; s < 2000; s++) {
    let loss: string;
    if (s < 1590) loss = String(2 * Math.exp(-s / 400) + 0.4 + 0.05 * Math.sin(s));
    else if (s < 1600) loss = String(0.5 * 1000 ** (s - 1590)); // blows up in ten steps …
    else if (s === 1600) loss = '2.9e29';
    else if (s === 1601) loss = 'inf';
    else loss = 'nan';
    lines.push(`${s},${loss},${s === 1000 ? '0.91' : ''}`);
  }
  return lines.join('\n') + '\n';
}

test('a diverged run: outliers ignored by default, all on demand, log loss, settings kept across a reload', async ({ app, request }, testInfo) => {
  const dir = testInfo.outputPath('diverged');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/metrics.csv`, divergedCsv());
  const server = app.server!;
  let job = await callApi(request, server, 'imports.start', { paths: [`${dir}/metrics.csv`], name: 'diverged run' });
  while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
  expect(job.state).toBe('done');

  const page = app.page;
  await page.reload();
  await page.getByRole('complementary', { name: 'Runs' }).getByText('diverged run').click();
  const chart = page.getByTestId('run-chart');
  await expect(chart).toHaveAttribute('data-series', /loss/);
  // The non-finite stretch is marked (a band from the inf to the last NaN).
  await expect(chart).toHaveAttribute('data-marks', /1601/);

  // On by default: the y range is the healthy part's, not 0 – 3e29.
  const outliers = page.getByRole('checkbox', { name: 'Ignore outliers' });
  await expect(outliers).toBeChecked();
  const yHigh = async () => Number((await chart.getAttribute('data-y-range'))!.split(',')[1]);
  await expect.poll(yHigh).toBeLessThan(10);
  await page.screenshot({ path: testInfo.outputPath('diverged-outliers-ignored.png'), fullPage: true });

  await outliers.uncheck();
  await expect.poll(yHigh).toBeGreaterThanOrEqual(2.9e29);
  await page.getByRole('checkbox', { name: 'Log scale for the loss' }).check();
  await expect.poll(yHigh).toBeGreaterThanOrEqual(2.9e29);
  await expect.poll(async () => Number((await chart.getAttribute('data-y-range'))!.split(',')[0])).toBeGreaterThan(0);
  await expect(chart).toHaveAttribute('data-marks', /1601/);
  await page.screenshot({ path: testInfo.outputPath('diverged-log-all.png'), fullPage: true });

  // The smoothing slider goes to 0.999, as TensorBoard's does.
  const slider = page.getByRole('slider', { name: 'Smoothing' });
  await expect(slider).toHaveAttribute('max', '0.999');
  await slider.fill('0.999');
  await expect(page.locator('output').first()).toHaveText('0.999');

  // A metric logged once: ticked by its name (the checkbox's accessible name), drawn as a dot.
  const acc = page.getByRole('checkbox', { name: 'test_acc', exact: true });
  await acc.check();
  const other = page.getByTestId('run-chart-other');
  await expect.poll(async () => JSON.parse((await other.getAttribute('data-series')) ?? '[]').find((s: { label: string }) => s.label === 'test_acc')).toMatchObject({ points: 1, dots: true });
  await other.screenshot({ path: testInfo.outputPath('diverged-single-point.png') });
  await expect(page.getByRole('checkbox', { name: 'loss', exact: true })).toBeChecked();

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Ignore outliers' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Log scale for the loss' })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'Smoothing' })).toHaveValue('0.999');
});
