// Metric grid: opening a run with 60 metrics × 100,000 points must be no slower than opening one
// with 3 metrics × 100,000 points (median within 1.5×), because a grid chart reads its points only
// once it is on screen. The window is tall enough (1280 × 1400) that a row of grid charts is in view. Measured in Chromium against the built renderer, from the
// click in the runs list (a timing mark of src-renderer/perf.ts) to the moment the run's main chart
// is drawn with its points AND every grid chart in the viewport is drawn. The two
// runs are opened alternately in one session, so load on the machine falls on both alike.
//
//   npx tsx bench/metric-grid.bench.ts [--quick]      (--quick: 5 opens of each instead of 12)
import type { Page } from '@playwright/test';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../src-main/import';
import { openServices } from '../src-main/services';
import { random } from './import-data';
import { buildRenderer, launchChromium, newBenchPage, serve } from './lib/browser';
import { median, meets, p95, quick, report, spread } from './lib/measure';
import { actionToDrawn } from './lib/drawn';

const ROWS = 100_000;
const OPENS = quick ? 5 : 12;

/** loss, val_loss and lr, plus `extra` metrics in train/, val/ and eval_ sections. */
async function writeRunCsv(file: string, extra: number): Promise<void> {
  const rnd = random(7);
  const names = ['loss', 'val_loss', 'lr', ...Array.from({ length: extra }, (_, i) => ['train/m', 'val/m', 'eval_m'][i % 3] + String(i))];
  const out = createWriteStream(file);
  out.write(`step,${names.join(',')}\n`);
  for (let step = 0; step < ROWS; step++) {
    const base = 2.3 * Math.exp(-step / (ROWS / 4));
    const cells = names.map((_, j) => (j === 2 ? 0.0005 * (1 + Math.cos((Math.PI * step) / ROWS)) : base * (1 + j / 50) + 0.05 * rnd()).toPrecision(6));
    if (!out.write(`${step},${cells.join(',')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

async function makeRun(dir: string, db: string, name: string, extra: number): Promise<void> {
  const folder = join(dir, name);
  mkdirSync(folder);
  await writeRunCsv(join(folder, 'metrics.csv'), extra);
  const services = openServices(db, 'browser');
  try {
    await importPaths(services, [folder], { name });
  } finally {
    services.close();
  }
}

/** Milliseconds from the click to: main chart drawn with its points and every grid chart in the viewport drawn. */
async function opened(page: Page): Promise<number> {
  await actionToDrawn(page, 'click', [{ chart: 'run-chart', until: 'data' }]);
  const handle = await page.waitForFunction(
    () => {
      const clicks = performance.getEntriesByName('lrscope:click', 'mark');
      const click = clicks[clicks.length - 1]!;
      const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="metric-card"]')];
      if (cards.length === 0) return null;
      const near = cards.filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      if (!near.every((c) => c.dataset.state === 'drawn')) return null;
      return performance.now() - click.startTime;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function open(page: Page, name: string): Promise<number> {
  await page.getByRole('complementary', { name: 'Runs' }).getByText(name, { exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return opened(page);
}

async function main(): Promise<void> {
  buildRenderer();
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-bench-grid-'));
  const db = join(dir, 'bench.sqlite');
  await makeRun(dir, db, 'sixty', 57);
  await makeRun(dir, db, 'three', 0);
  const server = await serve(db);
  const browser = await launchChromium();
  const out = report(
    `Metric grid: open a run of 60 metrics (\`npx tsx bench/metric-grid.bench.ts${quick ? ' --quick' : ''}\`)`,
    `Click → main chart and every grid chart in view drawn, in Chromium (1280 × 1400); ${ROWS.toLocaleString('en')} points per metric; baseline: a run of 3 metrics, opened alternately.`,
    `${OPENS} opens of each after 1 untimed`,
  );
  try {
    const page = await newBenchPage(browser, { width: 1280, height: 1400 });
    await page.goto(server.url);
    // Warm-up: both runs once, not counted.
    await open(page, 'sixty');
    await open(page, 'three');
    const sixty: number[] = [];
    const three: number[] = [];
    const drawnCards = () => page.evaluate(() => document.querySelectorAll('[data-testid="metric-card"][data-state="drawn"]').length);
    const cards = { sixty: 0, three: 0 };
    for (let i = 0; i < OPENS; i++) {
      sixty.push(await open(page, 'sixty'));
      cards.sixty = await drawnCards();
      three.push(await open(page, 'three'));
      cards.three = await drawnCards();
    }
    const ratio = median(sixty) / median(three);
    const pct = (xs: number[]) => `p95 ${p95(xs).toFixed(1)} ms`;
    out.end([
      { what: `open run, 60 metrics × ${ROWS.toLocaleString('en')} points`, figure: `${spread(sixty, 'ms', 1)}; ${pct(sixty)}`, baseline: `3 metrics: ${spread(three, 'ms', 1)}; ${pct(three)}; ${ratio.toFixed(2)}×`, requirement: meets(ratio <= 1.5, 'ratio ≤ 1.5×') },
      { what: 'grid charts drawn on open (the rest wait until scrolled to)', figure: `${cards.sixty} of 60`, baseline: `${cards.three} of 3` },
    ]);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
