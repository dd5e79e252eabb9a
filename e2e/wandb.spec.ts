import { callApi } from './api';
import { expect, test } from './fixtures';
import { sample } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'types a server path');

test('import a W&B wandb/ folder by its path and see its learning rate against the loss', async ({ app, request }, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(sample('wandb'));
  await dialog.getByRole('button', { name: 'Preview' }).click();

  // The preview: one run read from the binary run log, lr and loss recognised by name.
  await expect(dialog.getByText('1 run detected as')).toBeVisible();
  await expect(dialog.getByText('detected as').locator('strong')).toHaveText('wandb');
  await expect(dialog.getByRole('combobox', { name: 'Role of lr' })).toHaveValue('lr');
  await expect(dialog.getByRole('combobox', { name: 'Role of train_loss_local' })).toHaveValue('loss');
  await expect(dialog.getByRole('checkbox', { name: 'Import grad_norm_square' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Step column' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('wandb-preview.png') });

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 1 run');
  await expect(dialog.getByRole('status')).toContainText('1,750');
  await dialog.getByRole('button', { name: 'verysimpletransformer_run-20230329_020146-ruzz7bps' }).click();

  const metrics = page.getByRole('table', { name: 'Metrics' });
  await expect(metrics).toContainText('lr');
  await expect(metrics).toContainText('1,750');
  const chart = page.getByTestId('run-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas')).toHaveCount(1);

  // The readout at the cursor reads the logged lr from the store: Adam at 0.001 throughout.
  const box = (await chart.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const readout = page.getByLabel('At the cursor', { exact: true });
  await expect(readout).toContainText('logged lr');
  await expect(readout).toContainText('0.001');
  await page.screenshot({ path: testInfo.outputPath('wandb-run-view.png'), fullPage: true });

  const [run] = await callApi(request, app.server!, 'runs.list', {});
  expect(run!.sourceFormat).toBe('wandb');
  expect(run!.metrics.find((m) => m.name === 'lr')).toMatchObject({ role: 'lr', pointCount: 1750 });
  const detail = await callApi(request, app.server!, 'runs.get', { id: run!.id });
  expect(detail.params).toMatchObject({ 'optimizer/lr': '0.001', 'wandb/run_id': 'ruzz7bps' });
});
