// Large steps and long names (issue 9, item 9): a 3M-step run's axis and metric table, three runs
// with one long prefix, runs of equal names from different files, and a resizable runs list.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { DesignerPage } from './pages/designer';

test.skip(({ shell }) => shell !== 'browser', 'sets up the runs through the browser-mode API');

async function importCsv(app: LrscopeApp, request: APIRequestContext, path: string, csv: string, name?: string): Promise<void> {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, csv);
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], ...(name ? { name } : {}) });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state).toBe('done');
}

const smallCsv = (seed: number) => ['step,loss', ...Array.from({ length: 50 }, (_, s) => `${s},${1 / (s + seed)}`)].join('\n') + '\n';
const LONG = 'digits_mlp_adam_tf_cosine_decay_restarts_with_linear_warmup_and_label_smoothing_0.1_batch_512_seed_';

test('a 3M-step run: compact step ticks and thousands separators', async ({ app, request }, testInfo) => {
  const rows = ['step,loss'];
  for (let s = 0; s < 3_000_000; s += 1000) rows.push(`${s},${2 * Math.exp(-s / 1e6) + 0.1}`);
  rows.push(`2999999,0.2`);
  await importCsv(app, request, testInfo.outputPath('big', 'metrics.csv'), rows.join('\n') + '\n', '3M steps');
  const page = app.page;
  await page.reload();
  await page.getByRole('complementary', { name: 'Runs' }).getByText('3M steps').click();
  await expect(page.getByRole('table', { name: 'Metrics' })).toContainText('0 – 2,999,999');
  const chart = page.getByTestId('run-chart');
  await expect(chart).toHaveAttribute('data-x-ticks', /M/);
  const ticks = (await chart.getAttribute('data-x-ticks'))!.split('|');
  for (const t of ticks) expect(t).toMatch(/^(0|\d+(\.\d+)?[kM])$/);
  // Each label is its tick exactly: read back, they are evenly spaced (a rounded 1.3M for 1.25M would not be).
  const values = ticks.map((t) => Number(t.replace(/[kM]$/, '')) * (t.endsWith('M') ? 1e6 : t.endsWith('k') ? 1e3 : 1));
  for (let i = 2; i < values.length; i++) expect(values[i]! - values[i - 1]!).toBeCloseTo(values[1]! - values[0]!, 6);
  await page.screenshot({ path: testInfo.outputPath('steps-3M.png'), fullPage: true });
});

test('long names give way in the middle, Delete stays on screen, equal names show their source, the list resizes', async ({ app, request }, testInfo) => {
  for (const seed of [1, 2, 3]) await importCsv(app, request, testInfo.outputPath(`long${seed}`, 'metrics.csv'), smallCsv(seed), `${LONG}${seed}`);
  await importCsv(app, request, testInfo.outputPath('exp_a', 'run', 'metrics.csv'), smallCsv(4), 'metrics');
  await importCsv(app, request, testInfo.outputPath('exp_b', 'run', 'metrics.csv'), smallCsv(5), 'metrics');
  const page = app.page;
  await page.reload();
  const list = page.getByRole('complementary', { name: 'Runs' });

  // Each long name ends with its own seed on screen, and says the whole name on hover.
  for (const seed of [1, 2, 3]) {
    const name = list.getByTitle(`${LONG}${seed}`, { exact: true });
    await expect(name).toBeVisible();
    await expect(name.locator('.tail')).toBeVisible();
    await expect(name.locator('.tail')).toHaveText(new RegExp(`seed_${seed}$`));
  }
  // Two runs called "metrics": each says which file it came from.
  await expect(list.getByText('exp_a/run/metrics.csv · csv')).toBeVisible();
  await expect(list.getByText('exp_b/run/metrics.csv · csv')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('long-names-list.png'), fullPage: true });

  // The run view: the name gives way, Rename and Delete stay inside the window.
  await list.getByTitle(`${LONG}2`, { exact: true }).click();
  const del = page.getByRole('button', { name: 'Delete' });
  await expect(del).toBeVisible();
  const box = (await del.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: testInfo.outputPath('long-names-run.png'), fullPage: true });

  // The runs list is resizable: drag its edge, or use the arrow keys.
  const handle = page.getByRole('separator', { name: 'Resize the runs list' });
  const before = (await list.boundingBox())!.width;
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + 200);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 180, h.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await list.boundingBox())!.width).toBeGreaterThan(before + 150);
  await handle.focus();
  const dragged = (await list.boundingBox())!.width;
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await list.boundingBox())!.width).toBeLessThan(dragged);
  await page.screenshot({ path: testInfo.outputPath('long-names-wide-list.png'), fullPage: true });

  // The designer's attach dialog tells the runs apart too.
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openPreset('exponential_decay, staircase');
  await designer.saveButton().click();
  const saveDialog = page.getByRole('dialog', { name: 'Save to library' });
  await saveDialog.getByRole('textbox', { name: 'Schedule name' }).fill('staircase');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Attach to runs…' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach to runs' });
  await expect(attach.getByText('exp_a/run/metrics.csv · csv')).toBeVisible();
  await expect(attach.getByText('exp_b/run/metrics.csv · csv')).toBeVisible();
  for (const seed of [1, 2, 3]) await expect(attach.getByTitle(`${LONG}${seed}`, { exact: true }).locator('.tail')).toHaveText(new RegExp(`seed_${seed}$`));
  await attach.screenshot({ path: testInfo.outputPath('long-names-attach.png') });
});
