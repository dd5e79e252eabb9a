// Run view: opening a run with 3 metrics of 1,000,000 points each (loss, val_loss and the logged
// lr, all three drawn by default), from the click in the runs list to the drawn chart (target
// < 300 ms), and a zoom's re-fetch to the drawn chart (target < 100 ms). Measured in Chromium against the built renderer:
// from the click (or the mouse-up ending the zoom's drag) to the end of the first chart draw that
// shows the fetched points (timing marks of src-renderer/perf.ts, read by bench/lib/drawn.ts).
// Baseline: the same clicks on a run of 10,000 points per metric.
//
//   npx tsx bench/run-view.bench.ts [--quick]      (--quick: 300,000 points per metric, 7 opens and zooms)
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../src-main/import';
import { openServices } from '../src-main/services';
import { random } from './import-data';
import { buildRenderer, launchChromium, newBenchPage, serve } from './lib/browser';
import { median, meets, p95, quick, report, spread, WARMUP } from './lib/measure';
import { actionToDrawn } from './lib/drawn';

const OPENS = quick ? 7 : 15;
const ZOOMS = quick ? 7 : 15;
const BIG = quick ? 300_000 : 1_000_000;

/** Three metrics the run view draws by default: two losses (left axis) and the logged lr (right). */
function writeRunCsv(file: string, rows: number): void {
  const rnd = random(3);
  const lines = ['step,loss,val_loss,lr'];
  for (let step = 0; step < rows; step++) {
    const base = 2.3 * Math.exp(-step / (rows / 4));
    lines.push(`${step},${base + 0.05 * rnd()},${base + 0.1 + 0.02 * rnd()},${0.0005 * (1 + Math.cos((Math.PI * step) / rows))}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

async function makeRun(dir: string, db: string, name: string, rows: number): Promise<void> {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeRunCsv(join(folder, 'metrics.csv'), rows);
  const services = openServices(db, 'browser');
  try {
    await importPaths(services, [folder], { name });
  } finally {
    services.close();
  }
}

/** The view is keyed by run: the chart is a new one, and its first draw with points shows the run's. */
const opened = (page: Page) => actionToDrawn(page, 'click', [{ chart: 'run-chart', until: 'data' }]);

async function openRun(page: Page, name: string, other: string): Promise<number[]> {
  const runs = page.getByRole('complementary', { name: 'Runs' });
  const times: number[] = [];
  for (let i = 0; i < WARMUP + OPENS; i++) {
    // From the other run (a click on the run already open changes nothing, and draws nothing).
    if (!(await page.getByRole('heading', { level: 1, name: other }).isVisible())) {
      await runs.getByText(other, { exact: true }).click();
      await opened(page);
    }
    await runs.getByText(name, { exact: true }).click();
    times.push(await opened(page));
  }
  return times.slice(WARMUP);
}

async function zoomRun(page: Page): Promise<number[]> {
  const canvas = page.getByTestId('run-chart').locator('.u-over');
  const box = (await canvas.boundingBox())!;
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ZOOMS; i++) {
    const x0 = box.x + box.width * (0.1 + 0.02 * (i % 5));
    await page.mouse.move(x0, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x0 + box.width * 0.3, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    times.push(await actionToDrawn(page, 'mouseup', [{ chart: 'run-chart', until: 'new-range' }]));
    // Back to every step, drawn, before the next drag (its draw must not end the next timing).
    await canvas.dblclick({ position: { x: box.width / 2, y: box.height / 2 } });
    await actionToDrawn(page, 'mouseup', [{ chart: 'run-chart', until: 'new-range' }]);
  }
  return times.slice(WARMUP);
}

async function main(): Promise<void> {
  buildRenderer();
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-bench-run-'));
  const db = join(dir, 'bench.sqlite');
  await makeRun(dir, db, 'big', BIG);
  await makeRun(dir, db, 'small', 10_000);
  const server = await serve(db);
  const browser = await launchChromium();
  const out = report(
    `Run view: open and zoom (\`npx tsx bench/run-view.bench.ts${quick ? ' --quick' : ''}\`)`,
    `Click (or the zoom's mouse-up) → the run chart drawn with the fetched points, in Chromium; 3 metrics × ${BIG.toLocaleString('en')} points; baseline: a run of 10,000 points per metric.`,
    `${OPENS} opens and ${ZOOMS} zooms after ${WARMUP} untimed`,
  );
  try {
    const page = await newBenchPage(browser, { width: 1280, height: 800 });
    await page.goto(server.url);
    const big = await openRun(page, 'big', 'small');
    const small = await openRun(page, 'small', 'big');
    await page.getByRole('complementary', { name: 'Runs' }).getByText('big', { exact: true }).click();
    await opened(page);
    const zoom = await zoomRun(page);
    const n = BIG.toLocaleString('en');
    const pct = (xs: number[]) => `p95 ${p95(xs).toFixed(1)} ms`;
    out.end([
      { what: `open run, 3 metrics × ${n} points`, figure: `${spread(big, 'ms', 1)}; ${pct(big)}`, baseline: `10,000 points: ${spread(small, 'ms', 1)}; ${(median(big) / median(small)).toFixed(2)}×`, requirement: meets(median(big) < 300, 'median < 300 ms') },
      { what: `zoom re-fetch, 3 metrics × ${n} points`, figure: `${spread(zoom, 'ms', 1)}; ${pct(zoom)}`, requirement: meets(median(zoom) < 100, 'median < 100 ms') },
    ]);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
