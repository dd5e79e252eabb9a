// Schedule intelligence in the UI: the infer offer (and attaching it), the import summary's
// inferred schedule, drift stretches shaded and listed, and the "Copy as code" menu.
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { DesignerPage } from './pages/designer';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'uses the browser-mode file upload and API');

const COSINE_LOG = sample('generated', 'digits_mlp_adam_tf_cosine_decay', 'metrics.csv');
const STAIRS_LOG = sample('generated', 'digits_mlp_sgd_tf_exponential_decay_staircase', 'metrics.csv');

async function importRun(app: LrscopeApp, request: APIRequestContext, path: string): Promise<number> {
  const server = app.server!;
  let job = await callApi(request, server, 'imports.start', { paths: [path] });
  while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
  return job.summary!.runs[0].id;
}

test('the import summary and the run view offer the inferred schedule; attaching saves it to the library', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByLabel('Choose files').setInputFiles(COSINE_LOG);
  await dialog.getByRole('textbox', { name: 'Run name' }).fill('adam cosine');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await expect(dialog.getByText('lr looks like')).toContainText('cosine_decay(0.002, decay_steps=2500, alpha=0.05');
  await page.screenshot({ path: testInfo.outputPath('import-summary-inferred.png') });
  await dialog.getByRole('button', { name: 'adam cosine' }).click();

  const offer = page.getByRole('region', { name: 'Inferred schedule' });
  await expect(offer.getByRole('status')).toContainText('lr looks like cosine_decay(0.002, decay_steps=2500, alpha=0.05, dtype="float64") — max error 2e-15 (a fit is within 1e-6)');
  await offer.getByRole('button', { name: /more candidates/ }).click();
  await expect(offer.getByRole('table', { name: 'Candidate schedules' }).getByRole('row')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('infer-offer.png') });

  await offer.getByRole('button', { name: 'Attach', exact: true }).first().click();
  await expect(page.getByRole('group', { name: 'Attached schedule' })).toContainText('adam cosine (inferred)');
  await expect(page.getByRole('group', { name: 'Attached schedule' })).toContainText('cosine_decay');
  // Saved in the library like a designed schedule.
  const library = await callApi(page.request, app.server!, 'schedules.list', {});
  expect(library.map((s) => s.name)).toEqual(['adam cosine (inferred)']);
  // And the log follows it: no drift.
  await expect(page.getByRole('region', { name: 'Drift from the schedule' }).getByRole('status')).toContainText('follows the schedule at all 3,000 logged steps');
});

test('drift: stretches off the attached schedule are shaded on the chart and listed; the tolerance is settable', async ({ app, request }, testInfo) => {
  const { page } = app;
  const runId = await importRun(app, request, STAIRS_LOG);
  // Meant: drops every 600 steps; the run dropped every 500.
  const schedule = await callApi(request, app.server!, 'schedules.save', { name: 'StepLR every 600', spec: { kind: 'torch.StepLR', lr: 0.1, step_size: 600, gamma: 0.5 } });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const drift = page.getByRole('region', { name: 'Drift from the schedule' });
  const rows = drift.getByRole('table', { name: 'Drift stretches' }).getByRole('row');
  await expect(rows).toHaveCount(6); // header + [500, 599], [1000, 1199], [1500, 1799], [2000, 2399], [2500, 2999]
  await expect(rows.nth(1)).toContainText('500');
  await expect(rows.nth(1)).toContainText('599');
  await expect(drift.getByRole('status')).toContainText('1,500 of 3,000 logged steps are off the schedule');
  // The bands are on the chart: the chart reports the marks it drew, the stretches' starts among them.
  await expect(page.getByTestId('run-chart')).toHaveAttribute('data-marks', /(^|,)500,1000,1500,2000,2500$/);
  await page.getByTestId('run-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('drift-shading.png'), fullPage: true });
  await drift.scrollIntoViewIfNeeded();
  await drift.screenshot({ path: testInfo.outputPath('drift-table.png') });

  await drift.getByLabel('Drift tolerance').fill('0.9');
  await drift.getByLabel('Drift tolerance').press('Enter');
  await expect(drift.getByRole('status')).toContainText('follows the schedule');
});

test('drift names the likely cause: the base learning rate was half the one designed', async ({ app, request }, testInfo) => {
  const { page } = app;
  const runId = await importRun(app, request, COSINE_LOG);
  const schedule = await callApi(request, app.server!, 'schedules.save', { name: 'cosine at 0.004', spec: { kind: 'cosine_decay', learning_rate: 0.004, decay_steps: 2500, alpha: 0.05, dtype: 'float64' } });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  const drift = page.getByRole('region', { name: 'Drift from the schedule' });
  await expect(drift.getByText('Likely:')).toHaveCount(1);
  await expect(drift).toContainText('a different base learning rate: every logged rate is 0.5 × the schedule');
  await drift.scrollIntoViewIfNeeded();
  await drift.screenshot({ path: testInfo.outputPath('drift-diagnosis.png') });
});

test('copy as code: a menu of libraries in the designer and the run view; the snippet is shown', async ({ app, request }, testInfo) => {
  const { page } = app;
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openPreset('cosine_decay_restarts');
  await page.getByRole('button', { name: 'Copy as code ▾' }).click();
  const menu = page.getByRole('menu', { name: 'Copy as code' });
  await expect(menu.getByRole('menuitem')).toHaveCount(5);
  await page.screenshot({ path: testInfo.outputPath('copy-as-code-menu.png') });
  await menu.getByRole('menuitem', { name: /PyTorch/ }).click();
  const code = page.getByRole('dialog', { name: 'Schedule as code' });
  await expect(code.getByRole('note')).toContainText('PyTorch has no class for cosine_decay_restarts: LambdaLR over the exact formula');
  await expect(code.getByLabel('Code')).toContainText('scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)');
  await page.screenshot({ path: testInfo.outputPath('copy-as-code-dialog.png') });
  await code.getByRole('button', { name: 'Close' }).click();

  // The run view: the attached schedule's code, Keras this time (a native class).
  const runId = await importRun(app, request, STAIRS_LOG);
  const schedule = await callApi(request, app.server!, 'schedules.save', { name: 'stairs', spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true } });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });
  await page.goto(`${app.server!.url}#/runs/${runId}`);
  await page.getByRole('group', { name: 'Attached schedule' }).getByRole('button', { name: 'Copy as code ▾' }).click();
  await page.getByRole('menuitem', { name: /Keras 3/ }).click();
  await expect(page.getByRole('dialog', { name: 'Schedule as code' }).getByLabel('Code')).toContainText('lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.1, decay_steps=500.0, decay_rate=0.5, staircase=True)');
});
