// Run names (issue 9, item 10): a file chosen with "Choose files…" (uploaded) and the same file
// imported by its path get the same name, by one rule; an MLflow run is named as MLflow names it
// and its parameters are shown in the run view.
import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'uses the browser-mode upload and types server paths');

const RUN = 'digits_mlp_adam_tf_cosine_decay';

test('an uploaded log and the same log by path are named alike', async ({ app, request }) => {
  const { page } = app;
  const importButton = page.getByRole('complementary', { name: 'Runs' }).getByRole('button', { name: 'Import…' });
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });

  await importButton.click();
  await dialog.getByLabel('Choose files').setInputFiles([sample('generated', RUN, 'metrics.csv'), sample('generated', RUN, 'run.json')]);
  await expect(dialog.getByRole('textbox', { name: 'Run name' })).toHaveValue(RUN);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run (3,001 rows');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await importButton.click();
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(sample('generated', RUN, 'metrics.csv'));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Run name' })).toHaveValue(RUN);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run (3,001 rows');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const runs = await callApi(request, app.server!, 'runs.list', {});
  expect(runs.map((r) => r.name)).toEqual([RUN, RUN]);
});

test('an MLflow run: named by MLflow, its parameters shown in the run view', async ({ app, request }, testInfo) => {
  const { page } = app;
  await page.getByRole('complementary', { name: 'Runs' }).getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(sample('mlflow', 'swahili_stt_keras_autolog'));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  // No mlflow.runName tag in this run: the experiment's name and the run id's start, not the bare id.
  await expect(dialog.getByRole('textbox', { name: 'Run name' })).toHaveValue('Speech model simple rnn/ed05f9cd');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await dialog.getByRole('button', { name: 'Speech model simple rnn/ed05f9cd' }).click();

  await page.getByRole('button', { name: /^Configuration \(25\)/ }).click();
  const params = page.getByRole('table', { name: 'Configuration' });
  await expect(params.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'opt_learning_rate' }) })).toContainText('0.002');
  await expect(params.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'opt_name' }) })).toContainText('SGD');
  await expect(params.getByRole('row')).toHaveCount(26); // a header row, then 20 params + 5 tags, as the run folder holds
  const run = (await callApi(request, app.server!, 'runs.list', {}))[0]!;
  expect(run.name).toBe('Speech model simple rnn/ed05f9cd');
  await page.screenshot({ path: testInfo.outputPath('mlflow-run-params.png'), fullPage: true });
});
