import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'types server paths and uses the browser-mode upload');

/** A log big enough that its import takes a few seconds here: progress to watch, time to cancel. */
function writeBigCsv(file: string, rows: number): void {
  const lines = ['step,loss,lr,grad_norm'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(2 / (1 + i / 1000)).toFixed(6)},${(0.1 * 0.96 ** (i / 1000)).toFixed(8)},${(1 + (i % 7) / 10).toFixed(2)}`);
  writeFileSync(file, lines.join('\n') + '\n');
}

test('a long import shows its progress and can be cancelled, leaving nothing behind', async ({ app, request }, testInfo) => {
  const big = join(app.dataDir, 'big-run', 'metrics.csv');
  mkdirSync(join(app.dataDir, 'big-run'));
  writeBigCsv(big, 4_000_000);

  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(big);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('1 run detected as')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const bar = dialog.getByRole('progressbar', { name: 'Importing' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await expect(dialog).toContainText('rows/s');
  await page.screenshot({ path: testInfo.outputPath('import-progress.png') });
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Import cancelled. Nothing was written.');

  expect(await callApi(request, app.server!, 'runs.list', {})).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'Start by bringing in a run or a schedule' })).toBeVisible();
});

test('a broken log is refused with the file, the line and the reason; the app keeps working', async ({ app, request }) => {
  const broken = join(app.dataDir, 'broken.csv');
  writeFileSync(broken, 'step,loss,lr\n0,2.3,0.1\n1,2.2\n2,2.1,0.1\n');
  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByLabel('Choose files').setInputFiles(broken);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('broken.csv');
  await expect(alert).toContainText('line 3');
  await expect(alert).toContainText('expected 3 fields, found 2');
  await expect(dialog).toContainText('Nothing was written to the database.');
  expect(await callApi(request, app.server!, 'runs.list', {})).toEqual([]);

  // The same dialog flow works for the next, good file.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Import a log…' }).click();
  await dialog.getByLabel('Choose files').setInputFiles(sample('keras', 'brats2020_csvlogger', 'training.log'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('complementary', { name: 'Runs' }).getByRole('link')).toHaveCount(1);
  const runs = await callApi(request, app.server!, 'runs.list', {});
  expect(runs).toHaveLength(1);
  expect(runs[0]!.metrics.find((m) => m.name === 'lr')).toMatchObject({ role: 'lr', pointCount: 24 });
});
