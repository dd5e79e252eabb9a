import { events as engineEvents, parseSpec } from '../src-shared/schedule';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'uses the browser-mode file upload');

const COSINE_LOG = sample('generated', 'digits_mlp_adam_tf_cosine_decay', 'metrics.csv');

test('import a log through the file picker, attach cosine_decay_restarts, see every restart marked', async ({ app, request }, testInfo) => {
  const { page } = app;
  let seriesRequests = 0;
  page.on('request', (r) => r.url().endsWith('/api/series.get') && seriesRequests++);
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByLabel('Choose files').setInputFiles(COSINE_LOG);

  // The preview shows what was detected before anything is written.
  await expect(dialog.getByText('detected as')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Role of lr' })).toHaveValue('lr');
  await expect(dialog.getByRole('combobox', { name: 'Role of loss' })).toHaveValue('loss');
  // A clock column is not a curve: imported as the run's clock (for the time axes), not charted.
  await expect(dialog.getByRole('checkbox', { name: 'Import wall_time' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Role of wall_time' })).toHaveValue('clock');
  await expect(dialog.getByRole('checkbox', { name: 'Import val_loss' })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('import-preview.png') });
  await dialog.getByRole('textbox', { name: 'Run name' }).fill('digits adam cosine');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await expect(dialog.getByRole('status')).toContainText('loss (3,000');
  await dialog.getByRole('button', { name: 'digits adam cosine' }).click();

  const runs = page.getByRole('complementary', { name: 'Runs' });
  await expect(runs.getByText('digits adam cosine')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('3,000');
  await expect(page.getByRole('table', { name: 'Metrics' }).getByRole('row', { name: /^wall_time clock 3,001 0 – 3,000 / })).toBeVisible();

  // A schedule from the library, attached through the run view.
  const spec = { kind: 'cosine_decay_restarts', learning_rate: 0.002, first_decay_steps: 300, t_mul: 1.5, m_mul: 0.8, alpha: 0.05 };
  await callApi(request, app.server!, 'schedules.save', { name: 'restarts every 300×1.5ⁱ', spec });
  await page.getByRole('button', { name: 'Attach a schedule…' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach a schedule' });
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('group', { name: 'Attached schedule' }).getByText('restarts every 300×1.5ⁱ')).toBeVisible();

  // The marks the chart draws are exactly the engine's restart events over the run's steps.
  const parsed = parseSpec(spec);
  if (!parsed.ok) throw new Error('bad spec');
  const expected = engineEvents(parsed.spec, 0, 3000).filter((e) => e.kind === 'restart').map((e) => e.step);
  expect(expected.length).toBeGreaterThan(2);
  const chart = page.getByTestId('run-chart');
  // Then the drift bands: where the logged lr leaves this schedule (schedules.drift).
  const runId = Number(new URL(page.url()).hash.split('/').pop());
  const drift = await callApi(request, app.server!, 'schedules.drift', { runId });
  await expect(chart).toHaveAttribute('data-marks', [...expected, ...drift.stretches.map((s) => s.fromStep)].join(','));
  await expect(page.getByRole('region', { name: 'Restarts and drops' }).getByRole('row')).toHaveCount(expected.length + 1);

  // The readout at the cursor: the step, the values there, the exact scheduled rate, the cycle.
  const plot = chart.locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const readout = page.getByLabel('At the cursor', { exact: true });
  await expect(readout).toContainText('scheduled lr');
  await expect(readout).toContainText('logged lr');
  await expect(readout).toContainText(/cycle \d, \d+ % through/);
  await page.screenshot({ path: testInfo.outputPath('run-view-restarts.png'), fullPage: true });
  // Opening the run and attaching a schedule read each metric a few times, not in a loop.
  expect(seriesRequests).toBeLessThan(20);

  // Still attached after a restart of the server.
  await app.restart();
  await expect(app.page.getByRole('group', { name: 'Attached schedule' }).getByText('restarts every 300×1.5ⁱ')).toBeVisible();
  await expect(app.page.getByTestId('run-chart')).toHaveAttribute('data-marks', [...expected, ...drift.stretches.map((s) => s.fromStep)].join(','));
});
