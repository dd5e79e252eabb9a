// A run that diverged (issue 9, item 7), as the user sees it: the metrics table counts NaN and
// inf apart, and the compare summary says the run ended on NaN, where it diverged, and why it
// has no area.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'types server paths into the dialog');

const HEALTHY = 200;
const NANS = 788;

/** steps 0..199 healthy, 200: 2.9e29, 201: inf, 202..989: nan; lr all along. */
function writeRun(dir: string, name: string, diverged: boolean): string {
  mkdirSync(join(dir, name));
  const file = join(dir, name, 'metrics.csv');
  const lines = ['step,loss,lr'];
  for (let s = 0; s < HEALTHY; s++) lines.push(`${s},${(2.5 - s / 100).toFixed(4)},0.1`);
  if (diverged) {
    lines.push(`${HEALTHY},2.9e29,0.1`, `${HEALTHY + 1},inf,0.1`);
    for (let i = 0; i < NANS; i++) lines.push(`${HEALTHY + 2 + i},nan,0.1`);
  } else {
    for (let s = HEALTHY; s < HEALTHY + 2 + NANS; s++) lines.push(`${s},${(0.5 - s / 10_000).toFixed(4)},0.1`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return join(dir, name);
}

test('a diverged run: NaN and inf counted apart, final NaN, diverged at its step, no area', async ({ app, request }, testInfo) => {
  const { page } = app;
  for (const [name, diverged] of [['healthy', false], ['diverged', true]] as const) {
    await page.getByRole('complementary', { name: 'Runs' }).getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a training log' });
    await dialog.getByRole('textbox', { name: 'Path to import' }).fill(writeRun(app.dataDir, name, diverged));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
    if (diverged) await expect(dialog.getByRole('status')).toContainText(`loss (${(HEALTHY + 2 + NANS).toLocaleString('en-US')}, ${NANS} NaN, 1 inf)`);
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
  const runs = await callApi(request, app.server!, 'runs.list', {});
  const id = (name: string) => runs.find((r) => r.name === name)!.id;

  await page.goto(`${app.server!.origin}/#/runs/${id('diverged')}`);
  const metrics = page.getByRole('table', { name: 'Metrics' });
  const lossRow = metrics.getByRole('row').filter({ has: page.getByRole('cell', { name: 'loss', exact: true }) });
  await expect(metrics.getByRole('columnheader', { name: 'NaN', exact: true })).toBeVisible();
  await expect(metrics.getByRole('columnheader', { name: '±Inf' })).toBeVisible();
  await expect(lossRow.getByRole('cell')).toHaveText(['loss', 'loss', '990', /\d/, '788', '1']);
  await lossRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('diverged-metrics-table.png'), fullPage: true });

  await page.goto(`${app.server!.origin}/#/compare?runs=${id('healthy')},${id('diverged')}`);
  const table = page.getByRole('table', { name: 'Summary of the compared runs' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'diverged' }) });
  await expect(row.locator('[data-column="final"]')).toHaveAttribute('data-value', 'NaN');
  await expect(row.locator('[data-column="final"]')).toContainText(`diverged at step ${HEALTHY + 1}`);
  await expect(row.locator('[data-column="auc"]')).toContainText('—');
  await expect(row.locator('[data-column="auc"]')).toContainText(`${NANS} NaN and 1 inf from step ${HEALTHY + 1} on: no area`);
  await expect(row.locator('[data-column="nanCount"]')).toHaveAttribute('data-value', String(NANS));
  await expect(row.locator('[data-column="infCount"]')).toHaveAttribute('data-value', '1');
  const healthy = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'healthy' }) });
  await expect(healthy.locator('[data-column="final"]')).toHaveAttribute('data-value', String(Number((0.5 - (HEALTHY + 1 + NANS) / 10_000).toFixed(4))));
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('diverged-compare-summary.png'), fullPage: true });
});
