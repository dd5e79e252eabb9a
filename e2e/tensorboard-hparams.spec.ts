// TensorBoard event files carry their run's hyperparameters (the hparams plugin) and a wall_time on
// every event: imported through the import dialog with nothing ticked by hand, the run shows the
// hparams in its Configuration panel (and the runs list filters by them), and its charts can be
// drawn by wall time, the clock kept out of the charts. Fixtures: src-main/import/tensorboard/
// fixtures/hparams (written by torch's SummaryWriter and TensorBoard's summary_v2).
import type { APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'sets up a second run through the browser-mode API');

const FIXTURES = resolve(process.cwd(), 'src-main', 'import', 'tensorboard', 'fixtures', 'hparams');
const eventFile = (run: string) => join(FIXTURES, run, readdirSync(join(FIXTURES, run)).find((n) => n.startsWith('events.out.tfevents.'))!);
/** What TensorBoard's own reader gives: the first scalar event's wall_time at each step. */
const wallTimes = (JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as { wall_time: Record<string, [number, number][]> }).wall_time.lightning_style!;

async function importPath(app: LrscopeApp, request: APIRequestContext, path: string, name: string): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], name });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

test('TensorBoard hparams in the Configuration panel and the runs filter; the event wall_time as the wall-time axis', async ({ app, request }, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByLabel('Choose files').setInputFiles(eventFile('lightning_style'));
  // The events' wall_time is offered as the run's clock, ticked: no hand work for a time axis.
  await expect(dialog.getByRole('combobox', { name: 'Role of wall_time' })).toHaveValue('clock');
  await expect(dialog.getByRole('checkbox', { name: 'Import wall_time' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Run name' }).fill('resnet hparams');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await dialog.getByRole('button', { name: 'resnet hparams' }).click();

  // The hparams plugin's session start (values) and end (status), as TensorBoard's parser reads them.
  await page.getByRole('button', { name: /^Configuration \(5\)/ }).click();
  const table = page.getByRole('table', { name: 'Configuration' });
  await expect(table.getByRole('row', { name: /^lr 0\.003$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^max_epochs 5$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^model resnet18$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^augment 0$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^tensorboard\/status success$/ })).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('tensorboard-hparams-config.png') });

  // The clock is an axis, not a chart: the grid has no wall_time card.
  const grid = page.getByRole('region', { name: /All metrics/ });
  const card = grid.locator('[data-testid="metric-card"][data-metric="train_loss"]');
  await expect(card).toBeVisible();
  await expect(grid.locator('[data-testid="metric-card"][data-metric="wall_time"]')).toHaveCount(0);
  // Wall time: train_loss from step 1 to 8 lands at those steps' event wall_time.
  await grid.getByRole('combobox', { name: 'x axis of the metric charts' }).selectOption('wall');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('figure', { name: 'train_loss by wall time' })).toBeVisible();
  const chart = card.getByTestId('metric-chart');
  // The attribute is written shortly after the draw (src-renderer/perf.ts): absent, the poll asks again.
  const range = async () => ((await chart.getAttribute('data-range')) ?? 'NaN-NaN').split(/-(?=\d)/).map(Number);
  const at = (step: number) => wallTimes.find(([s]) => s === step)![1];
  await expect.poll(async () => (await range())[0]).toBeCloseTo(at(1), 3);
  expect((await range())[1]).toBeCloseTo(at(8), 3);
  await page.screenshot({ path: testInfo.outputPath('tensorboard-wall-time-axis.png') });

  // A second run written by TensorBoard's own summary_v2: the runs list filters by an hparam.
  await importPath(app, request, join(FIXTURES, 'tf_summary_v2'), 'adam trial');
  await page.reload();
  const list = page.getByRole('complementary', { name: 'Runs' });
  const filter = list.getByRole('searchbox', { name: 'Filter runs' });
  await filter.fill('model=resnet18');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: 'Compare resnet hparams' })).toBeVisible();
  await filter.fill('optimizer=adam');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: 'Compare adam trial' })).toBeVisible();
});
