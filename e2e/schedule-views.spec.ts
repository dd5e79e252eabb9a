// One spec, three views (issue 10, item 2): the designer, the run view and compare draw a
// schedule through one scheduleView, so they agree on stairs versus slopes and on the words of
// every mark. Checked on a SequentialLR of StepLR then ConstantLR (stairs throughout) and a
// warmup into cosine restarts (a slope, with a warmup end and restarts).
import type { Locator } from '@playwright/test';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { DesignerPage, type DrawnSeries } from './pages/designer';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

const SPECS = {
  'sequential stairs': {
    spec: {
      kind: 'torch.SequentialLR', lr: 0.002, milestones: [1500],
      schedulers: [{ kind: 'torch.StepLR', step_size: 400, gamma: 0.5 }, { kind: 'torch.ConstantLR', factor: 0.5, total_iters: 300 }],
    },
    stepped: true,
  },
  'warmup into restarts': {
    spec: { kind: 'warmup', warmup_steps: 300, after: { kind: 'cosine_decay_restarts', learning_rate: 0.002, first_decay_steps: 600 } },
    stepped: false,
  },
} as const;

const EVENT = /^(restart|drop|rise|warmup end|phase)\b/;
const JUMP = /^(restart|drop|rise)\b/;

async function series(chart: Locator, label: RegExp): Promise<DrawnSeries> {
  let found: DrawnSeries | undefined;
  await expect.poll(async () => {
    found = (JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as DrawnSeries[]).find((s) => label.test(s.label) && s.drawn !== 'none');
    return found !== undefined;
  }).toBe(true);
  return found!;
}

async function eventLabels(chart: Locator): Promise<string[]> {
  return ((await chart.getAttribute('data-labels')) ?? '').split('\n').filter((l) => EVENT.test(l));
}

for (const [name, { spec, stepped }] of Object.entries(SPECS)) {
  test(`${name}: the same stepping and the same mark labels in the designer, the run view and compare`, async ({ app, request }, testInfo) => {
    const server = app.server!;
    let job = await callApi(request, server, 'imports.start', { paths: [sample('generated', 'digits_mlp_adam_tf_cosine_decay', 'metrics.csv')], name: 'digits' });
    while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
    const runId = job.summary!.runs[0]!.id;
    const schedule = await callApi(request, server, 'schedules.save', { name, spec: spec as unknown as Record<string, unknown> });
    await callApi(request, server, 'schedules.attach', { scheduleId: schedule.id, runIds: [runId] });
    const { page } = app;
    const path = stepped ? 'stepped' : 'linear';

    // The run view.
    await page.goto(`${server.url}#/runs/${runId}`);
    const runChart = page.getByTestId('run-chart');
    expect((await series(runChart, /^scheduled lr$/)).path).toBe(path);
    await expect.poll(async () => (await eventLabels(runChart)).length).toBeGreaterThan(1);
    const labels = await eventLabels(runChart);
    await page.screenshot({ path: testInfo.outputPath('run-view.png') });

    // The designer over the run's steps, with the saved schedule opened from the library.
    await page.goto(`${server.url}#/designer?run=${runId}`);
    const designer = new DesignerPage(page);
    await designer.libraryEntry(name).click();
    expect((await series(designer.chart, new RegExp(`^${name}$`))).path).toBe(path);
    await expect.poll(() => eventLabels(designer.chart)).toEqual(labels);
    await page.screenshot({ path: testInfo.outputPath('designer.png') });

    // Compare: the scheduled lr drawn the same way; its marks (rate jumps only, to keep several
    // runs readable) carry the same labels.
    await page.goto(`${server.url}#/compare?runs=${runId}`);
    expect((await series(page.getByTestId('compare-lr-chart'), / scheduled$/)).path).toBe(path);
    await expect.poll(() => eventLabels(page.getByTestId('compare-loss-chart'))).toEqual(labels.filter((l) => JUMP.test(l)));
    await page.screenshot({ path: testInfo.outputPath('compare.png') });
  });
}
