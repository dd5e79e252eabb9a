import { expect, test } from './fixtures';
import { writeWorkspace } from './workspace';

// Issue 15: a workspace of 1,000 runs. The runs list renders only the rows in view, so it opens,
// filters and scrolls without 1,000 rows in the page; every run stays reachable.
test('a 1,000-run workspace: the list shows a window of rows, scrolls to the last run and filters', async ({ app }, testInfo) => {
  writeWorkspace(app.dbFile, 1000, 50);
  await app.restart();
  const page = app.page;
  const list = page.getByRole('complementary', { name: 'Runs' }).getByRole('list').first();
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toContainText('sweep run 0999'); // newest first
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60); // a window, not 1,000 rows
  await expect(rows.first()).toHaveAttribute('aria-setsize', '1000');
  await page.screenshot({ path: testInfo.outputPath('many-runs-top.png') });

  // Scrolled to the end: the oldest run is there, and opens.
  await list.evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
  await expect(page.getByRole('link', { name: /sweep run 0000/ })).toBeVisible();
  await expect(rows.last()).toHaveAttribute('aria-posinset', '1000');
  await page.screenshot({ path: testInfo.outputPath('many-runs-bottom.png') });
  await page.getByRole('link', { name: /sweep run 0000/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'sweep run 0000' })).toBeVisible();

  // A filter matching 11 runs shows them all (short lists are not windowed).
  await page.getByRole('searchbox', { name: 'Filter runs' }).fill('^sweep run 05(0[0-9]|10)$');
  await expect(rows).toHaveCount(11);
  await expect(rows.first()).not.toHaveAttribute('aria-setsize', /./);
  await page.screenshot({ path: testInfo.outputPath('many-runs-filtered.png') });
});
