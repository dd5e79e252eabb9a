// Issue 11 through the UI: a log whose last line was cut mid-write imports without it, and the
// summary says which line was set aside and why.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'types a server path');

test('a last line cut mid-number is set aside and the summary says so', async ({ app, request }, testInfo) => {
  const cut = join(app.dataDir, 'cut.csv');
  writeFileSync(cut, 'step,loss,time\n0,2.3,1795596779.5\n1,2.2,1795596780.0\n2,2.1,1795596780.16');
  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(cut);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('1 run detected as')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Imported 1 run');
  await expect(status).toContainText(`${cut}: line 4: the last line has no newline at its end (cut, or still being written); not imported`);
  await expect(status).toContainText('loss (2)');
  await page.screenshot({ path: testInfo.outputPath('import-last-line-set-aside.png') });
  const runs = await callApi(request, app.server!, 'runs.list', {});
  expect(runs[0]!.metrics.find((m) => m.name === 'loss')).toMatchObject({ pointCount: 2 });
});
