// A CSV big enough for the parse worker (over 8 MiB: src-main/import/csv-prefetch.ts), with quoted,
// missing and CRLF records among the plain ones: the import dialog (browser mode's server) and
// `lrscope import` store the same points, and the points are the file's numbers at their steps.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ImportSummary } from '../src-shared/api/import-types';
import type { RunSummary } from '../src-shared/api/types';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'types a server path into the dialog');

const LRSCOPE = join(import.meta.dirname, '..', 'bin', 'lrscope.mjs');
const run = promisify(execFile);
const ROWS = 400_000;

/** The rows' values by metric and step (a missing marker leaves a step out), and the file's text. */
function messyCsv(): { text: string; want: Record<string, Map<number, number>> } {
  const lines = ['step,loss,lr,grad_norm'];
  const want = { loss: new Map<number, number>(), lr: new Map<number, number>(), grad_norm: new Map<number, number>() };
  for (let i = 0; i < ROWS; i++) {
    const loss = 2.3 * Math.exp(-i / 1e5) + (i % 13) / 7e3;
    const lr = 1e-3 * Math.cos(i / 1e5);
    const grad = 0.5 + (i % 17) / 3;
    if (i % 50_000 === 7) lines.push(`${i},"${loss}",${lr},"${grad}"`);
    else if (i % 50_000 === 8) lines.push(`${i},${loss},NA,${grad}`);
    else if (i % 50_000 === 9) lines.push(`${i},${loss},${lr},${grad}\r`);
    else lines.push(`${i},${loss},${lr},${grad}`);
    want.loss.set(i, loss);
    if (i % 50_000 !== 8) want.lr.set(i, lr);
    want.grad_norm.set(i, grad);
  }
  return { text: `${lines.join('\n')}\n`, want };
}

/** Every stored point of a metric, read by `lrscope series` from a database. */
async function storedPoints(db: string, runId: number, metric: string): Promise<{ steps: number[]; values: number[]; exact: boolean }> {
  const { stdout } = await run(process.execPath, [LRSCOPE, 'series', '--db', db, '--run', String(runId), '--metric', metric, '--max-points', String(ROWS)], { maxBuffer: 256 << 20 });
  return JSON.parse(stdout) as { steps: number[]; values: number[]; exact: boolean };
}

test('a 20 MB CSV: the import dialog and `lrscope import` store the same points, the file\'s numbers', async ({ app, request }, testInfo) => {
  test.setTimeout(5 * 60_000);
  const { text, want } = messyCsv();
  expect(text.length).toBeGreaterThan(9 << 20);
  const csv = join(app.dataDir, 'big-messy.csv');
  writeFileSync(csv, text);

  const cliDb = join(app.dataDir, 'cli.sqlite');
  const { stdout } = await run(process.execPath, [LRSCOPE, 'import', csv, '--db', cliDb, '--json'], { maxBuffer: 16 << 20 });
  const cliRun = (JSON.parse(stdout) as ImportSummary).runs[0]!;

  const { page } = app;
  await page.getByRole('button', { name: 'Import a log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a training log' });
  await dialog.getByRole('textbox', { name: 'Path to import' }).fill(csv);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByText('1 run detected as')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const [uiRun] = (await callApi(request, app.server!, 'runs.list', {})) as RunSummary[];

  await page.getByRole('complementary', { name: 'Runs' }).getByText('big-messy').first().click();
  await expect(page.getByRole('heading', { name: 'big-messy' })).toBeVisible();
  await expect(page.getByTestId('run-chart')).toHaveAttribute('data-x-ticks', /k/); // drawn over its 400k steps
  await page.screenshot({ path: testInfo.outputPath('big-messy-run.png'), fullPage: true });

  const uiDb = join(app.dataDir, 'lrscope.sqlite');
  for (const metric of ['loss', 'lr', 'grad_norm'] as const) {
    const ui = await storedPoints(uiDb, uiRun!.id, metric);
    const cli = await storedPoints(cliDb, cliRun.id, metric);
    expect(ui.exact).toBe(true);
    expect(ui, metric).toEqual(cli);
    // The file's numbers at their steps: every point, and so the odd records among them.
    const rows = [...want[metric]];
    expect(ui.steps).toEqual(rows.map(([s]) => s));
    expect(ui.values).toEqual(rows.map(([, v]) => v));
  }
});
