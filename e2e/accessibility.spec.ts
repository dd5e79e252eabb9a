// Accessibility (issue 14): an axe-core scan of every view, in the light and the dark theme, with
// real runs loaded, finds no serious or critical violation; the theme follows the system, can be
// chosen, and is remembered in the database.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const GENERATED = ['digits_mlp_sgd_tf_exponential_decay_staircase', 'digits_mlp_adam_tf_cosine_decay', 'digits_mlp_sgd_torch_onecycle'];

async function importRuns(app: LrscopeApp, request: APIRequestContext): Promise<number[]> {
  const ids: number[] = [];
  for (const dir of GENERATED) {
    let job = await callApi(request, app.server!, 'imports.start', { paths: [sample('generated', dir, 'metrics.csv')], name: dir });
    while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
    expect(job.state, job.error).toBe('done');
    ids.push(job.summary!.runs[0]!.id);
  }
  const schedule = await callApi(request, app.server!, 'schedules.save', {
    name: 'staircase', spec: { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true },
  });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: schedule.id, runIds: [ids[0]!] });
  return ids;
}

/** Serious and critical violations, worded so a failure says what and where. */
async function scan(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

test('axe finds no serious or critical violation in any view, light or dark', async ({ app, request }) => {
  test.setTimeout(180_000);
  const ids = await importRuns(app, request);
  const { page } = app;
  const url = app.server!.url;
  const views: [string, () => Promise<void>][] = [
    ['runs (empty selection)', async () => { await page.goto(`${url}#/runs`); await expect(page.getByRole('complementary', { name: 'Runs' })).toBeVisible(); }],
    ['run view with its grid and config', async () => {
      await page.goto(`${url}#/runs/${ids[0]}`);
      await expect(page.getByTestId('run-chart')).toBeVisible();
      await page.getByRole('button', { name: /^Configuration/ }).click();
      await page.getByRole('region', { name: /All metrics/ }).getByTestId('metric-card').first().scrollIntoViewIfNeeded();
      await expect(page.locator('[data-testid="metric-card"][data-state="drawn"]').first()).toBeVisible();
    }],
    ['designer', async () => { await page.goto(`${url}#/designer`); await expect(page.getByRole('main')).toBeVisible(); }],
    ['compare with grouping and the config diff', async () => {
      await page.goto(`${url}#/compare?runs=${ids.join(',')}`);
      await expect(page.getByRole('table', { name: 'Configuration diff' })).toBeVisible();
      await page.getByRole('combobox', { name: 'Group runs by' }).selectOption('tag');
    }],
    ['import dialog', async () => {
      await page.goto(`${url}#/runs`);
      await page.getByRole('button', { name: 'Import…' }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
    }],
  ];
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(`${url}#/runs`);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [name, open] of views) {
      await open();
      for (const v of await scan(page)) found.push(`${theme} · ${name}: ${v}`);
    }
  }
  expect(found).toEqual([]);
});

test('the theme follows the system, can be chosen, and is the same after a restart', async ({ app, request }, testInfo) => {
  const ids = await importRuns(app, request);
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${app.server!.url}#/runs/${ids[2]}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const grid = page.getByRole('region', { name: /All metrics/ });
  await grid.scrollIntoViewIfNeeded();
  await expect(grid.locator('[data-testid="metric-card"][data-state="drawn"]').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('metric-grid-dark.png') });
  await expect.poll(async () => (await callApi(request, app.server!, 'settings.get', { view: 'app' })).settings).toEqual({ theme: 'dark' });
  await app.restart();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});
