// Keyboard (issue 14): a chart's cursor moves with ← → (Shift: ten points), Home and End, and the
// charts that share its cursor follow; the runs list is one tab stop, moved through with arrows.
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

async function importPath(app: LrscopeApp, request: APIRequestContext, path: string, name: string): Promise<number> {
  let job = await callApi(request, app.server!, 'imports.start', { paths: [path], name });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  expect(job.state, job.error).toBe('done');
  return job.summary!.runs[0]!.id;
}

test('chart cursor by keyboard, shared by the grid; the runs list is one tab stop', async ({ app, request }) => {
  const yolo = await importPath(app, request, sample('plain_csv', 'ultralytics_yolov8_fire_smoke', 'results.csv'), 'yolov8 fire');
  await importPath(app, request, sample('generated', 'digits_mlp_adam_tf_cosine_decay', 'metrics.csv'), 'adam cosine');
  await importPath(app, request, sample('generated', 'digits_mlp_sgd_torch_onecycle', 'metrics.csv'), 'sgd onecycle');
  const { page } = app;
  await page.goto(`${app.server!.url}#/runs/${yolo}`);

  // The grid's first two charts (25 epochs each: every point drawn).
  const grid = page.getByRole('region', { name: /All metrics/ });
  await grid.getByRole('searchbox', { name: 'Filter metrics by regular expression' }).fill('^val/');
  const cards = grid.getByTestId('metric-card');
  await cards.nth(1).scrollIntoViewIfNeeded();
  await expect(cards.nth(1)).toHaveAttribute('data-state', 'drawn');
  const first = cards.nth(0);
  const chart = first.getByTestId('metric-chart');
  await chart.focus();
  const readout = (i: number) => cards.nth(i).getByRole('group', { name: / at the cursor$/ });
  await page.keyboard.press('Home');
  await expect(readout(0)).toContainText('@ 0');
  await page.keyboard.press('ArrowRight');
  await expect(readout(0)).toContainText('@ 1');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(readout(0)).toContainText('@ 11');
  await expect(readout(1)).toContainText('@ 11'); // the other chart follows
  await page.keyboard.press('End');
  await expect(readout(0)).toContainText('@ 24');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(readout(0)).toContainText('@ 14');

  // The runs list: one tab stop; ↑ ↓ move, ← → between a row's tick box and link.
  const list = page.getByRole('list', { name: 'Runs list' });
  const links = list.getByRole('link');
  await expect(links).toHaveCount(3);
  const current = list.getByRole('link', { name: /yolov8 fire/ });
  await expect(current).toHaveAttribute('tabindex', '0');
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  await current.focus();
  await page.keyboard.press('Home');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(list.getByRole('checkbox').nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(list.getByRole('checkbox').nth(1)).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(links.nth(1)).toBeFocused();
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  // Tab leaves the list; Shift+Tab comes back to the row left.
  await page.keyboard.press('Tab');
  await expect(list.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/runs\/\d+$/);
  await expect(page).not.toHaveURL(new RegExp(`#/runs/${yolo}$`));
});
