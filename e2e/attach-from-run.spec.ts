// Attach from the run (issue 14): the designer opens on the run's step range with its logged
// learning rate drawn under the candidate, and "Attach to <run>" saves the candidate under the
// run's name and attaches it, back in the run view; the attach dialog searches the library.
import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs through the browser-mode API');

test('design a schedule for a run: its range and logged lr, attached directly, saved under its name', async ({ app, request }, testInfo) => {
  const name = 'digits adam cosine';
  let job = await callApi(request, app.server!, 'imports.start', { paths: [sample('generated', 'digits_mlp_adam_tf_cosine_decay', 'metrics.csv')], name });
  while (job.state === 'running') job = await callApi(request, app.server!, 'imports.progress', { jobId: job.id });
  const runId = job.summary!.runs[0]!.id;
  const run = await callApi(request, app.server!, 'runs.get', { id: runId });
  const lr = run.metrics.find((m) => m.name === 'lr')!;
  const { page } = app;
  await page.goto(`${app.server!.url}#/runs/${runId}`);

  await page.getByRole('link', { name: 'Design one for this run…' }).click();
  await expect(page).toHaveURL(new RegExp(`#/designer\\?run=${runId}$`));
  const bar = page.getByRole('group', { name: 'Designing for a run' });
  await expect(bar).toContainText(name);
  await expect(page.getByRole('textbox', { name: 'from step' })).toHaveValue(String(lr.stepMin));
  await expect(page.getByRole('textbox', { name: 'to step' })).toHaveValue(String(lr.stepMax));
  // The logged lr is drawn, every point of it, under the candidate.
  const chart = page.getByTestId('designer-chart');
  await expect.poll(async () => (JSON.parse((await chart.getAttribute('data-series')) ?? '[]') as { label: string; points: number }[]).find((s) => s.label === 'lr (logged)')?.points)
    .toBe(lr.pointCount);
  await page.screenshot({ path: testInfo.outputPath('designer-for-run.png') });

  await bar.getByRole('button', { name: `Attach to ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));
  await expect(page.getByRole('group', { name: 'Attached schedule' }).getByText(name, { exact: true })).toBeVisible();
  const library = await callApi(request, app.server!, 'schedules.list', {});
  expect(library.map((s) => s.name)).toEqual([name]);
  expect((await callApi(request, app.server!, 'runs.get', { id: runId })).schedule?.name).toBe(name);

  // Once more: the library keeps names unique, so the second one is "<run> (2)".
  await page.getByRole('link', { name: 'Design one for this run…' }).click();
  await page.getByRole('group', { name: 'Designing for a run' }).getByRole('button', { name: `Attach to ${name}` }).click();
  await expect(page.getByRole('group', { name: 'Attached schedule' }).getByText(`${name} (2)`)).toBeVisible();

  // The attach dialog searches the library.
  await callApi(request, app.server!, 'schedules.save', { name: 'onecycle for later', spec: { kind: 'torch.OneCycleLR', max_lr: 0.2, total_steps: 2000 } });
  await page.getByRole('button', { name: 'Change schedule…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a schedule' });
  await expect(dialog.getByRole('option')).toHaveCount(3);
  await dialog.getByRole('searchbox', { name: 'Search the library' }).fill('onecycle');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('group', { name: 'Attached schedule' }).getByText('onecycle for later')).toBeVisible();
});
