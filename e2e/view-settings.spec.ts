// Settings remembered per view in the database (issue 14): the run view's axis, smoothing, log
// scales, outlier toggle and ticked metrics, compare's alignment and display settings, the
// designer's log scale and the runs list's width survive a restart of lrscope with the browser's
// own storage emptied (so only the database can have kept them), and settings kept in the browser
// by an older version are taken over once.
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const STAIRCASE = 'digits_mlp_sgd_tf_exponential_decay_staircase';
const COSINE = 'digits_mlp_adam_tf_cosine_decay';

async function importRun(app: LrscopeApp, request: APIRequestContext, dir: string): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [sample('generated', dir, 'metrics.csv')], name: dir, mapping: { skip: [] } });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

const saved = (app: LrscopeApp, request: APIRequestContext, view: 'app' | 'run' | 'compare' | 'designer') => async () =>
  (await callApi(request, app.server!, 'settings.get', { view })).settings;

test('run view, compare, designer and the runs list keep their settings across a restart', async ({ app, request }) => {
  const ids = [await importRun(app, request, STAIRCASE), await importRun(app, request, COSINE)];
  const { page } = app;

  // The run view: wall time, smoothing 0.25, log lr, every value in the y range, val_loss unticked.
  await page.goto(`${app.server!.url}#/runs/${ids[0]}`);
  const chart = page.getByTestId('run-chart');
  await expect(chart).toHaveAttribute('data-series', /val_loss/);
  await page.getByRole('combobox', { name: 'x axis of the run charts' }).selectOption('wall');
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.25');
  await page.getByRole('checkbox', { name: 'Log scale for the learning rate' }).check();
  await page.getByRole('checkbox', { name: 'Ignore outliers' }).uncheck();
  await page.getByRole('checkbox', { name: 'val_loss', exact: true }).uncheck();
  await expect(chart).not.toHaveAttribute('data-series', /val_loss/);
  // The runs list, 40 px wider by keyboard.
  const separator = page.getByRole('separator', { name: 'Resize the runs list' });
  const width = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(width + 40));
  await expect
    .poll(saved(app, request, 'run'))
    .toMatchObject({ xAxis: 'wall', smoothing: 0.25, logLr: true, ignoreOutliers: false, metrics: ['loss'] });
  await expect.poll(saved(app, request, 'app')).toMatchObject({ sidebarWidth: width + 40 });

  // Compare: relative time, log y, no marks.
  await page.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  await page.getByRole('radio', { name: 'relative time' }).check();
  await page.getByRole('checkbox', { name: 'log y' }).check();
  await page.getByRole('checkbox', { name: 'restart and drop marks' }).uncheck();
  await expect.poll(saved(app, request, 'compare')).toMatchObject({ align: 'relative', logY: true, showMarks: false });

  // The designer: log scale.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
  await page.getByRole('checkbox', { name: 'log scale' }).check();
  await expect.poll(saved(app, request, 'designer')).toMatchObject({ logScale: true });

  // Restart with the browser's storage emptied: only the database remembers.
  await page.evaluate(() => localStorage.clear());
  await app.restart();
  const again = app.page;
  await again.goto(`${app.server!.url}#/runs/${ids[1]}`);
  // Another run opens the same way (the settings are the view's, for every run alike).
  await expect(again.getByRole('combobox', { name: 'x axis of the run charts' })).toHaveValue('wall');
  await expect(again.getByRole('combobox', { name: 'x axis of the metric charts' })).toHaveValue('wall');
  await expect(again.getByRole('slider', { name: 'Smoothing' })).toHaveValue('0.25');
  await expect(again.getByRole('checkbox', { name: 'Log scale for the learning rate' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'Ignore outliers' })).not.toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'val_loss', exact: true })).not.toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'loss', exact: true })).toBeChecked();
  await expect(again.getByTestId('run-chart')).toHaveAttribute('data-series', /"scheduled lr"|"loss"/);
  await expect(again.getByTestId('run-chart')).not.toHaveAttribute('data-series', /val_loss/);
  await expect(again.getByRole('separator', { name: 'Resize the runs list' })).toHaveAttribute('aria-valuenow', String(width + 40));

  await again.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  await expect(again.getByRole('radio', { name: 'relative time' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'log y' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: 'restart and drop marks' })).not.toBeChecked();
  await expect(again.getByTestId('compare-loss-chart')).toHaveAttribute('data-range', /^0-/);

  await again.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
  await expect(again.getByRole('checkbox', { name: 'log scale' })).toBeChecked();
});

test('settings an older version kept in the browser are taken over once, into the database', async ({ app, request }) => {
  const id = await importRun(app, request, STAIRCASE);
  const { page } = app;
  await page.evaluate(() => {
    localStorage.setItem('lrscope.view.run', JSON.stringify({ smoothing: 0.125, logLoss: true, ignoreOutliers: false }));
    localStorage.setItem('lrscope.runlist.width', '420');
  });
  await page.goto(`${app.server!.url}#/runs/${id}`);
  await page.reload();
  await expect(page.getByRole('slider', { name: 'Smoothing' })).toHaveValue('0.125');
  await expect(page.getByRole('checkbox', { name: 'Log scale for the loss' })).toBeChecked();
  await expect(page.getByRole('separator', { name: 'Resize the runs list' })).toHaveAttribute('aria-valuenow', '420');
  await expect.poll(saved(app, request, 'run')).toMatchObject({ smoothing: 0.125, logLoss: true, ignoreOutliers: false });
  await expect.poll(saved(app, request, 'app')).toMatchObject({ sidebarWidth: 420 });
  // Taken once: the browser's copies are gone, the database's stay the truth.
  await expect.poll(() => page.evaluate(() => [localStorage.getItem('lrscope.view.run'), localStorage.getItem('lrscope.runlist.width')])).toEqual([null, null]);
});
