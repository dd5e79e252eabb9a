// Run configuration (issue 14): the config a log carries (run.json beside the generated CSVs,
// MLflow params and tags, Lightning's hparams.yaml) shown in the run view, diffed in compare,
// and used to filter the runs list with key=value.
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

const GENERATED = ['digits_mlp_sgd_tf_exponential_decay_staircase', 'digits_mlp_adam_tf_cosine_decay', 'digits_mlp_sgd_torch_onecycle'];

test('config: shown in the run view, filtered by key=value, diffed in compare', async ({ app, request }, testInfo) => {
  const ids: number[] = [];
  for (const dir of GENERATED) ids.push(await importPath(app, request, sample('generated', dir, 'metrics.csv'), dir));
  const mlflow = await importPath(app, request, sample('mlflow', 'swahili_stt_keras_autolog', 'mlruns'), 'swahili mlflow');
  const lightning = await importPath(app, request, sample('lightning_csv', 'erav2_session13_resnet18_onecycle', 'metrics.csv'), 'erav2 lightning');
  const { page } = app;

  // The run view: the run.json the run was trained with, flattened, searchable.
  await page.goto(`${app.server!.url}#/runs/${ids[2]}`);
  await page.getByRole('button', { name: /^Configuration \(\d+\)/ }).click();
  const table = page.getByRole('table', { name: 'Configuration' });
  await expect(table.getByRole('row', { name: /schedule\.params\.max_lr 0\.2$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^seed 3$/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find a setting' }).fill('momentum');
  // header + base/max/cycle_momentum, optimizer.momentum, and columns (whose value names momentum)
  await expect(table.getByRole('row')).toHaveCount(6);
  // MLflow params and tags, and Lightning's hparams.yaml.
  await page.goto(`${app.server!.url}#/runs/${mlflow}`);
  await page.getByRole('button', { name: /^Configuration/ }).click();
  await expect(table.getByRole('row', { name: /^opt_learning_rate 0\.002$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^opt_name SGD$/ })).toBeVisible();
  await page.goto(`${app.server!.url}#/runs/${lightning}`);
  await page.getByRole('button', { name: /^Configuration \(2\)/ }).click();
  await expect(table.getByRole('row', { name: /^batch_size 512$/ })).toBeVisible();

  // The runs list filters by a setting: key (or its last dotted part) = value.
  const list = page.getByRole('complementary', { name: 'Runs' });
  const filter = list.getByRole('searchbox', { name: 'Filter runs' });
  await filter.fill('max_lr=0.2');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: 'Compare digits_mlp_sgd_torch_onecycle' })).toBeVisible();
  await filter.fill('optimizer.type=sgd');
  await expect(list.getByRole('checkbox')).toHaveCount(2);
  await filter.fill('opt_name=SGD');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await filter.fill('lr=0.002');
  await expect(list.getByRole('checkbox')).toHaveCount(1); // the Lightning run's hparams (not max_lr, not opt_learning_rate)

  // Compare: the settings that differ, highlighted; the shared ones folded.
  await page.goto(`${app.server!.url}#/compare?runs=${ids.join(',')}`);
  const diff = page.getByRole('table', { name: 'Configuration diff' });
  await expect(diff.getByRole('row', { name: /^seed 1 2 3$/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /^optimizer\.type SGD Adam SGD$/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /^optimizer\.betas — \[0\.9,0\.999\] —$/ })).toBeVisible();
  await expect(diff.getByRole('row', { name: /^task\.batch_size/ })).toHaveCount(0);
  const fold = diff.getByRole('button', { name: /settings? the same in every run/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('config-diff.png') });
  await fold.click();
  await expect(diff.getByRole('row', { name: /^task\.batch_size 32 32 32$/ })).toBeVisible();
});
