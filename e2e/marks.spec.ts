// Marks that share a step (issue 9, items 5 and 8): a restart at 1500 in one run and a drop at
// 1501 in another both keep their line and their label in the compare chart and in its PNG
// export; a label at the plot's right edge stays inside; a rise is called a rise.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { callApi } from './api';
import { expect, test, type LrscopeApp } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'sets up the runs through the browser-mode API');

async function importRun(app: LrscopeApp, request: APIRequestContext, dir: string, name: string, spec: Record<string, unknown>): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const lines = ['step,loss'];
  for (let s = 0; s < 3000; s++) lines.push(`${s},${1 + Math.exp(-s / 800) + 0.02 * Math.sin(s / 7)}`);
  writeFileSync(`${dir}/metrics.csv`, lines.join('\n') + '\n');
  const server = app.server!;
  let job = await callApi(request, server, 'imports.start', { paths: [`${dir}/metrics.csv`], name });
  while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
  expect(job.state).toBe('done');
  const run = (await callApi(request, server, 'runs.list', {})).find((r) => r.name === name)!;
  const schedule = await callApi(request, server, 'schedules.save', { name: `${name} schedule`, spec });
  await callApi(request, server, 'schedules.attach', { scheduleId: schedule.id, runIds: [run.id] });
  return run.id;
}

test('a restart at 1500 and a drop at 1501 in two compared runs both show, on screen and in the PNG; a rise is a rise', async ({ app, request }, testInfo) => {
  const a = await importRun(app, request, testInfo.outputPath('a'), 'restarts', { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 1500 });
  const b = await importRun(app, request, testInfo.outputPath('b'), 'piecewise', { kind: 'piecewise_constant', boundaries: [1500, 2990], values: [0.05, 0.025, 0.5] });
  const page = app.page;
  await page.goto(`${app.server!.url.split('#')[0]}#/compare?runs=${a},${b}`);
  const chart = page.getByTestId('compare-loss-chart');
  await expect(chart).toHaveAttribute('data-marks', /1500,1501/);
  // Both labels at (almost) the same x are written, and the one at the right edge too.
  await expect.poll(async () => (await chart.getAttribute('data-labels'))?.split('\n').map((l) => l.split(' · ')[0])).toEqual(['restart 1', 'drop 1', 'rise 2']);
  await expect(chart).toHaveAttribute('data-labels', /rise 2 · lr 0\.025 → 0\.5/);
  await chart.screenshot({ path: testInfo.outputPath('compare-marks-shared-step.png') });

  const pngPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync((await (await pngPromise).path())!);
  writeFileSync(testInfo.outputPath('compare-export.png'), png);

  // The run view says rise too.
  await page.goto(`${app.server!.url.split('#')[0]}#/runs/${b}`);
  await expect.poll(async () => (await page.getByTestId('run-chart').getAttribute('data-labels'))?.split('\n').map((l) => l.split(' · ')[0])).toEqual(['drop 1', 'rise 2']);
  await page.getByTestId('run-chart').screenshot({ path: testInfo.outputPath('run-rise.png') });
});
