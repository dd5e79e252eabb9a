import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** `npx lrscope runs --db FILE --json`, as a user would run it beside the app. */
function cliRuns(dbFile: string): { id: number; name: string; tags: string[]; schedule: unknown; metrics: unknown[] }[] {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'lrscope.mjs'), 'runs', '--db', dbFile, '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

test('create, rename, tag and delete runs; they survive a restart', async ({ app }, testInfo) => {
  const page = app.page;
  await expect(page.getByRole('heading', { name: 'Start by bringing in a run or a schedule' })).toBeVisible();
  await expect(page.getByText('Import a training log')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the designer' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty-state.png') });

  await page.getByRole('button', { name: 'New run' }).click();
  await page.getByRole('textbox', { name: 'New run name' }).fill('baseline sgd');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'baseline sgd' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Run name' }).fill('cosine restarts, lr 0.3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'cosine restarts, lr 0.3' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Tags' }).fill('cosine, sweep-1');
  await page.keyboard.press('Enter');
  const runs = page.getByRole('complementary', { name: 'Runs' });
  await expect(runs.getByText('sweep-1')).toBeVisible();

  // A second run, deleted through the confirmation dialog; Cancel first keeps it.
  await page.getByRole('button', { name: 'New run' }).click();
  await page.getByRole('textbox', { name: 'New run name' }).fill('throwaway');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'throwaway' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  // The question opens on Cancel: Enter alone never deletes.
  await expect(page.getByRole('dialog', { name: 'Delete run' }).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('delete-run-dialog.png') });
  await page.getByRole('dialog', { name: 'Delete run' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(runs.getByText('throwaway')).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete run' }).getByRole('button', { name: 'Delete run' }).click();
  await expect(runs.getByText('throwaway')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('runs-list.png') });

  await app.restart();
  const runsAfter = app.page.getByRole('complementary', { name: 'Runs' });
  await expect(runsAfter.getByText('cosine restarts, lr 0.3')).toBeVisible();
  await expect(runsAfter.getByText('sweep-1')).toBeVisible();
  await expect(runsAfter.getByText('throwaway')).toHaveCount(0);

  // The command line reads what the UI wrote, from the same file.
  expect(cliRuns(app.dbFile)).toEqual([{ id: expect.any(Number), name: 'cosine restarts, lr 0.3', tags: ['cosine', 'sweep-1'], schedule: null, metrics: [] }]);
});
