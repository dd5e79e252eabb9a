// Grouping in compare (issue 14): the generated runs grouped by a setting of their run.json, one
// mean line per group with a min–max band, the mean being the mean of the logs' own values,
// toggled per group; grouping by name regex; the ±1 std band.
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const GENERATED = ['digits_mlp_sgd_tf_exponential_decay_staircase', 'digits_mlp_adam_tf_cosine_decay', 'digits_mlp_sgd_torch_onecycle'];

async function importPath(app: LrscopeApp, request: APIRequestContext, path: string, name: string): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], name });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

/** val_loss at a step, read from the CSV with a plain split. */
function valLoss(dir: string, step: number): number {
  const [header, ...rows] = readFileSync(sample('generated', dir, 'metrics.csv'), 'utf8').trim().split('\n');
  const col = header!.split(',').indexOf('val_loss');
  const row = rows.find((r) => Number(r.split(',')[0]) === step)!;
  return Number(row.split(',')[col]);
}

const labels = async (card: import('@playwright/test').Locator) =>
  (JSON.parse((await card.getByTestId('metric-chart').getAttribute('data-series')) ?? '[]') as { label: string }[]).map((d) => d.label);

test('compare grouped by a setting: a mean line and band per group, toggled per group', async ({ app, request }, testInfo) => {
  const ids: number[] = [];
  for (const dir of GENERATED) ids.push(await importPath(app, request, sample('generated', dir, 'metrics.csv'), dir));
  const { page } = app;
  await page.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  const grouping = page.getByRole('group', { name: 'Grouping' });
  await grouping.getByRole('combobox', { name: 'Group runs by' }).selectOption('config');
  await grouping.getByRole('combobox', { name: 'Setting to group by' }).selectOption('optimizer.type');
  const groups = grouping.getByRole('list', { name: 'Groups' });
  await expect(groups.getByRole('checkbox')).toHaveCount(2);
  await expect(groups).toContainText('optimizer.type=SGD (2 runs)');
  await expect(groups).toContainText('optimizer.type=Adam (1 run)');

  const grid = page.getByRole('region', { name: /All metrics/ });
  await grid.getByRole('slider', { name: 'Smooth the metric charts' }).fill('0');
  await grid.getByRole('button', { name: 'Large' }).click();
  const card = grid.locator('[data-testid="metric-card"][data-metric="val_loss"]');
  await card.scrollIntoViewIfNeeded();
  await expect.poll(() => labels(card)).toEqual([
    'optimizer.type=SGD max', 'optimizer.type=SGD min', 'optimizer.type=SGD (mean of 2)',
    'optimizer.type=Adam max', 'optimizer.type=Adam min', 'optimizer.type=Adam (mean of 1)',
  ]);

  // The mean at the cursor is the mean of the two SGD runs' logged val_loss at that step.
  const over = card.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const at = card.getByLabel('val_loss at the cursor');
  await expect(at).toContainText('optimizer.type=SGD (mean of 2)');
  const text = (await at.textContent())!;
  const sgd = /optimizer\.type=SGD \(mean of 2\): ([\d.e-]+) @ ([\d,]+)/.exec(text)!;
  const step = Number(sgd[2]!.replace(/,/g, ''));
  expect(step % 100).toBe(0);
  expect(step).toBeLessThanOrEqual(2000);
  const expected = (valLoss(GENERATED[0]!, step) + valLoss(GENERATED[2]!, step)) / 2;
  expect(sgd[1]).toBe(String(Number(expected.toPrecision(4))));
  await page.screenshot({ path: testInfo.outputPath('compare-grouped-bands.png') });

  // Hiding a group takes its line and band away.
  await groups.getByRole('checkbox', { name: /optimizer\.type=Adam/ }).uncheck();
  await expect.poll(() => labels(card)).toEqual(['optimizer.type=SGD max', 'optimizer.type=SGD min', 'optimizer.type=SGD (mean of 2)']);

  // ±1 std instead of min–max; grouping by a name regex.
  await grouping.getByRole('combobox', { name: 'Band around the mean' }).selectOption('std');
  await expect.poll(() => labels(card)).toEqual(['optimizer.type=SGD +1 std', 'optimizer.type=SGD −1 std', 'optimizer.type=SGD (mean of 2)']);
  await grouping.getByRole('combobox', { name: 'Group runs by' }).selectOption('regex');
  await grouping.getByRole('textbox', { name: 'Name regex to group by' }).fill('_(sgd|adam)_');
  await expect(groups).toContainText('sgd (2 runs)');
  await expect(groups).toContainText('adam (1 run)');
  await grouping.getByRole('textbox', { name: 'Name regex to group by' }).fill('(');
  await expect(grouping.getByRole('alert')).toContainText('Not a regular expression');
});
