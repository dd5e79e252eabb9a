// The UI and the CLI import the same runs from the same folder (issue 9, item 2): for every
// folder under ../shared/samples, `lrscope import FOLDER --json` on one database and the import
// dialog in Chromium on another give the same runs: names, formats, metrics and point counts.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { ImportSummary } from '../src-shared/api/import-types';
import type { RunSummary } from '../src-shared/api/types';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { SAMPLES } from './samples';

test.skip(({ shell }) => shell !== 'browser', 'types server paths into the dialog');

const LRSCOPE = join(import.meta.dirname, '..', 'bin', 'lrscope.mjs');
const run = promisify(execFile);

/** The samples folder and every folder under it, in a stable order. */
function allFolders(root: string): string[] {
  const found = [root];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

interface Outcome {
  ok: boolean;
  /** Per run: name, format, then each metric's name and point count, sorted. */
  runs: string[];
}

function describeRun(name: string, format: string | null, metrics: { name: string; points: number }[]): string {
  const m = metrics.map((x) => `${x.name}=${x.points}`).sort();
  return `${name} [${format}] ${m.join(' ')}`;
}

async function cliImport(folder: string, db: string): Promise<Outcome> {
  try {
    const { stdout } = await run(process.execPath, [LRSCOPE, 'import', folder, '--db', db, '--json'], { maxBuffer: 64 << 20 });
    const summary = JSON.parse(stdout) as ImportSummary;
    return { ok: true, runs: summary.runs.map((r) => describeRun(r.name, r.format, r.metrics)).sort() };
  } catch (err) {
    if ((err as { code?: number }).code !== 1) throw err;
    return { ok: false, runs: [] };
  }
}

test('every sample folder: the UI import and `lrscope import` store the same runs', async ({ app, request }, testInfo) => {
  test.setTimeout(15 * 60_000);
  const folders = allFolders(SAMPLES);
  expect(folders.length).toBeGreaterThan(40);
  const cliDb = join(app.dataDir, 'cli.sqlite');
  // The CLI runs alongside the UI (its own database), one folder after another, as a user would.
  const cli = (async () => {
    const outcomes: Outcome[] = [];
    for (const folder of folders) outcomes.push(await cliImport(folder, cliDb));
    return outcomes;
  })();

  const { page } = app;
  const seen = new Set<number>();
  const ui: Outcome[] = [];
  for (const folder of folders) {
    await page.getByRole('complementary', { name: 'Runs' }).getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a training log' });
    await dialog.getByRole('textbox', { name: 'Path to import' }).fill(folder);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const detected = dialog.getByText(/runs? detected as/);
    await expect(detected.or(dialog.getByRole('alert'))).toBeVisible({ timeout: 60_000 });
    let ok = false;
    if (await detected.isVisible()) {
      const where = relative(SAMPLES, folder) || 'samples';
      if (where === 'samples' || where === 'tensorboard') {
        await page.screenshot({ path: testInfo.outputPath(`import-preview-${where}.png`), fullPage: true });
      }
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      const status = dialog.getByRole('status');
      await expect(status.or(dialog.getByRole('alert'))).toBeVisible({ timeout: 120_000 });
      ok = await status.isVisible();
      if (ok) await expect(status).toContainText('Imported');
    }
    await dialog.getByRole('button', { name: ok ? 'Done' : 'Close' }).click();
    await expect(dialog).toBeHidden();
    const runs = (await callApi(request, app.server!, 'runs.list', {})).filter((r: RunSummary) => !seen.has(r.id));
    runs.forEach((r) => seen.add(r.id));
    ui.push({ ok, runs: runs.map((r) => describeRun(r.name, r.sourceFormat, r.metrics.map((m) => ({ name: m.name, points: m.pointCount })))).sort() });
  }

  const byCli = await cli;
  const table = (outcomes: Outcome[]) => Object.fromEntries(folders.map((f, i) => [relative(SAMPLES, f) || '.', outcomes[i]]));
  expect(table(ui)).toEqual(table(byCli));
  // Not an empty agreement: most folders hold logs, and the samples folder holds them all.
  expect(byCli.filter((o) => o.ok).length).toBeGreaterThan(30);
  expect(byCli[0]!.runs.length).toBeGreaterThan(20);
});
