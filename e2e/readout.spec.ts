// The readout at the cursor (issue 9, item 3): on a 100k-point run, not zoomed (the chart draws
// thinned buckets), every value the readout shows is the file's value at the step the readout
// names, read from the store, never a bucket's or a neighbour's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { evaluateAt, parseSpec } from '../src-shared/schedule';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'sets up the run through the browser-mode API');

const N = 100_000;
const VAL_EVERY = 250;
const SPEC = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 7_000, decay_rate: 0.5, staircase: true };

/** A small seeded generator: the same 100k values and the same 50 cursor positions on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('hover 50 random steps of a 100k-point run, not zoomed: every readout value is the file\'s at the step it names', async ({ app, request }, testInfo) => {
  const parsed = parseSpec(SPEC);
  if (!parsed.ok) throw new Error('bad spec');
  const rand = mulberry32(9);
  // Neighbouring steps differ (noise on every point), so a neighbour's value cannot pass for this step's.
  const file = { loss: new Map<number, number>(), lr: new Map<number, number>(), val_loss: new Map<number, number>() };
  const scheduled = evaluateAt(parsed.spec, Float64Array.from({ length: N }, (_, i) => i));
  const lines = ['step,loss,lr,val_loss'];
  for (let s = 0; s < N; s++) {
    const loss = 2 * Math.exp(-s / 30_000) + 0.3 * rand();
    const lr = scheduled[s]! * (1 + 0.01 * (rand() - 0.5)); // logged a little off the schedule: a residual to show
    file.loss.set(s, loss);
    file.lr.set(s, lr);
    let val = '';
    if (s % VAL_EVERY === 0) {
      file.val_loss.set(s, loss + 0.1);
      val = String(loss + 0.1);
    }
    lines.push(`${s},${loss},${lr},${val}`);
  }
  const csv = testInfo.outputPath('long-run', 'metrics.csv');
  mkdirSync(testInfo.outputPath('long-run'), { recursive: true });
  writeFileSync(csv, lines.join('\n') + '\n');

  const server = app.server!;
  let job = await callApi(request, server, 'imports.start', { paths: [csv], name: 'long run' });
  while (job.state === 'running') job = await callApi(request, server, 'imports.progress', { jobId: job.id });
  expect(job.state).toBe('done');
  const [run] = await callApi(request, server, 'runs.list', {});
  const schedule = await callApi(request, server, 'schedules.save', { name: 'staircase', spec: SPEC });
  await callApi(request, server, 'schedules.attach', { scheduleId: schedule.id, runIds: [run!.id] });

  const page = app.page;
  await page.reload();
  await page.getByRole('complementary', { name: 'Runs' }).getByText('long run').click();
  const chart = page.getByTestId('run-chart');
  await expect(chart).toHaveAttribute('data-series', /loss/);
  // Not zoomed: the whole run, drawn from thinned buckets.
  await expect(page.getByRole('button', { name: 'Show all steps' })).toHaveCount(0);
  expect(JSON.parse((await chart.getAttribute('data-series'))!).find((s: { label: string }) => s.label === 'loss (raw)' || s.label === 'loss').points).toBeLessThan(N);

  // The legend names the lines; the values are the readout's alone, so the two cannot disagree.
  await expect(chart.locator('.u-legend .u-value')).toHaveCount(0);
  const box = (await chart.locator('.u-over').boundingBox())!;
  const readout = page.getByLabel('At the cursor', { exact: true });
  const seen = new Set<number>();
  for (let k = 0; k < 50; k++) {
    await page.mouse.move(box.x + 1 + rand() * (box.width - 2), box.y + box.height * (0.2 + 0.6 * rand()));
    await expect(readout).toHaveAttribute('aria-busy', 'false');
    const step = Number(await readout.getAttribute('data-step'));
    seen.add(step);
    expect(Number.isInteger(step) && step >= 0 && step < N).toBe(true);
    await expect(readout.getByText(`step ${step.toLocaleString('en-US')}`, { exact: true })).toBeVisible();
    for (const metric of ['loss', 'lr', 'val_loss'] as const) {
      const cell = readout.locator(`[data-metric="${metric}"]`);
      const at = Number(await cell.getAttribute('data-step'));
      const value = Number(await cell.getAttribute('data-value'));
      // Dense metrics are read at the very step; val_loss at the last step it was logged at or before.
      const expectedStep = metric === 'val_loss' ? step - (step % VAL_EVERY) : step;
      expect({ metric, step, at }).toEqual({ metric, step, at: expectedStep });
      expect({ metric, step: at, value }).toEqual({ metric, step: at, value: file[metric].get(at) });
      // Full precision on hover.
      await expect(cell).toHaveAttribute('title', new RegExp(`${String(file[metric].get(at)).replace(/[.+]/g, '\\$&')}`));
    }
    await expect(readout.locator('[data-scheduled]')).toHaveAttribute('data-value', String(scheduled[step]));
    const residual = (scheduled[step]! - file.lr.get(step)!) / scheduled[step]!;
    await expect(readout.locator('[data-residual]')).toHaveAttribute('data-value', String(residual));
  }
  expect(seen.size).toBeGreaterThan(40);
  await page.screenshot({ path: testInfo.outputPath('readout-100k.png'), fullPage: true });
});

test('compare, not zoomed: each run\'s readout value is its file\'s value at the step the readout names', async ({ app, request }, testInfo) => {
  const rand = mulberry32(17);
  const runs = [
    { name: 'every step', every: 1, values: new Map<number, number>() },
    { name: 'every third step', every: 3, values: new Map<number, number>() },
  ];
  const ids: number[] = [];
  for (const run of runs) {
    const dir = testInfo.outputPath(run.name.replace(/ /g, '-'));
    mkdirSync(dir, { recursive: true });
    const lines = ['step,loss'];
    for (let s = 0; s < 20_000; s += run.every) {
      const v = 1 + Math.exp(-s / 5000) + 0.2 * rand();
      run.values.set(s, v);
      lines.push(`${s},${v}`);
    }
    writeFileSync(`${dir}/metrics.csv`, lines.join('\n') + '\n');
    let job = await callApi(request, app.server!, 'imports.start', { paths: [`${dir}/metrics.csv`], name: run.name });
    while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
    expect(job.state).toBe('done');
    ids.push((await callApi(request, app.server!, 'runs.list', {})).find((r) => r.name === run.name)!.id);
  }
  const page = app.page;
  await page.goto(`${app.server!.url.split('#')[0]}#/compare?runs=${ids.join(',')}`);
  const chart = page.getByTestId('compare-loss-chart');
  await expect(chart).toHaveAttribute('data-series', /every third step/);
  const box = (await chart.locator('.u-over').boundingBox())!;
  const readout = page.getByLabel('At the cursor', { exact: true });
  for (let k = 0; k < 25; k++) {
    await page.mouse.move(box.x + 1 + rand() * (box.width - 2), box.y + box.height / 2);
    await expect(readout).toHaveAttribute('aria-busy', 'false');
    const x = Number(await readout.getAttribute('data-x'));
    for (const run of runs) {
      const cell = readout.locator(`[data-run="${run.name}"]`);
      const at = Number(await cell.getAttribute('data-step'));
      const value = Number(await cell.getAttribute('data-value'));
      // The run's last logged step at or before the cursor's step, and the file's value there.
      expect({ run: run.name, x, at }).toEqual({ run: run.name, x, at: Math.min(x - (x % run.every), 20_000 - run.every) });
      expect({ run: run.name, at, value }).toEqual({ run: run.name, at, value: run.values.get(at) });
    }
  }
  await page.screenshot({ path: testInfo.outputPath('compare-readout.png'), fullPage: true });
});
