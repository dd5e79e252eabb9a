// Compare view (issue 6): 20 runs of 1,000,000 points each. Targets: from the click on
// "Compare (20)" to both charts drawn with every run's data < 1 s; a legend hover to both charts
// redrawn with the highlight < 16 ms. Measured for real: the built renderer served by
// `lrscope serve` on a temp database, driven in Debian's Chromium. From the click on the button
// to the end of the later of the two charts' first draws that show every run's points; from the
// mouse entering a legend entry to both charts' redraw with its highlight (timing marks of
// src-renderer/perf.ts, read by bench/lib/drawn.ts). Baseline: the same with 2 runs.
//
//   npx tsx bench/compare.bench.ts [--quick]      (--quick: 200,000 points per run)
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { openServices } from '../src-main/services';
import { random } from './import-data';
import { buildRenderer, launchChromium, newBenchPage, serve } from './lib/browser';
import { median, meets, p95, quick, report, spread, WARMUP } from './lib/measure';
import { actionToDrawn } from './lib/drawn';

const RUNS = 20;
const POINTS = quick ? 200_000 : 1_000_000;
/** Opens timed per case, after WARMUP untimed ones. */
const OPENS = quick ? 5 : 8;
const HOVER_ROUNDS = 3;
const OPEN_TARGET_MS = 1000;
const HOVER_TARGET_MS = 16;
const CHARTS = ['compare-loss-chart', 'compare-lr-chart'];
const root = join(import.meta.dirname, '..');

/**
 * 20 runs straight through the import store (the importer's own write path, without parsing a
 * file): a loss and a logged learning rate of POINTS points each, an epoch every 1,000 steps, and
 * a cosine_decay_restarts schedule attached, different per run, so every run has restart marks.
 */
function writeRuns(file: string): void {
  const started = performance.now();
  const { db } = openDatabase(file);
  const store = ImportStore.open(db);
  store.begin();
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  for (let r = 0; r < RUNS; r++) {
    const rnd = random(r + 1);
    const runId = store.insertRun(`bench ${String(r).padStart(2, '0')}`, '', 'csv', {});
    const period = POINTS / (4 + (r % 5));
    const metric = (name: string, role: 'loss' | 'lr' | 'epoch', every: number, value: (s: number) => number) => {
      const id = store.insertMetric(runId, name, role);
      let count = 0;
      for (let seq = 0, s = 0; s < POINTS; seq++) {
        let n = 0;
        for (; n < CHUNK_POINTS && s < POINTS; n++, s += every) {
          steps[n] = s;
          vals[n] = value(s);
        }
        store.writeChunk(id, seq, steps, vals, n);
        count += n;
      }
      store.finishMetric(id, { points: count, nanCount: 0, infCount: 0, stepMin: 0, stepMax: (count - 1) * every });
    };
    metric('loss', 'loss', 1, (s) => 2.3 * Math.exp(-s / (POINTS / (3 + r / 4))) + 0.2 * (1 + Math.cos((Math.PI * (s % period)) / period)) * 0.1 + 0.05 * rnd());
    metric('lr', 'lr', 1, (s) => 0.001 * (1 + r / 10) * 0.5 * (1 + Math.cos((Math.PI * (s % period)) / period)));
    metric('epoch', 'epoch', 1000, (s) => s / 5000);
  }
  store.commit();
  store.close();
  db.close();
  const services = openServices(file, 'browser');
  const runs = services.runs.list().sort((a, b) => a.name.localeCompare(b.name)); // run r gets schedule r
  runs.forEach((run, r) => {
    const spec = { kind: 'cosine_decay_restarts', learning_rate: 0.001 * (1 + r / 10), first_decay_steps: Math.round(POINTS / (4 + (r % 5))), t_mul: 1, m_mul: 1, alpha: 0 };
    const saved = services.schedules.save({ name: `restarts ${r}`, spec });
    services.schedules.attach(saved.id, [run.id]);
  });
  services.close();
  console.log(`  wrote ${RUNS} runs × ${POINTS.toLocaleString('en')} points (loss and lr each) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Ticks the runs the filter shows, then opens the comparison OPENS times from the runs list. */
async function measure(page: Page, filter: string, expected: number): Promise<{ open: number[]; hover: number[]; statsMs: number }> {
  const list = page.getByRole('complementary', { name: 'Runs' });
  await page.goto(page.url().replace(/#.*$/, '#/runs'));
  if (await list.getByRole('button', { name: 'Clear' }).isVisible()) await list.getByRole('button', { name: 'Clear' }).click();
  await list.getByRole('searchbox', { name: 'Filter runs' }).fill(filter);
  await list.getByRole('button', { name: 'Tick shown' }).click();
  const compare = list.getByRole('button', { name: `Compare (${expected})` });
  const open: number[] = [];
  let statsMs = 0;
  for (let i = 0; i < WARMUP + OPENS; i++) {
    const started = Date.now();
    await compare.click();
    await actionToDrawn(page, 'click', [{ chart: CHARTS[0]!, until: 'data' }], 30_000);
    // The summary figures (a full scan of every run's points) finish before the next open, so
    // one open's scans never queue in front of the next one's series requests.
    await page.locator(`[data-column="final"][data-value]`).nth(expected - 1).waitFor({ timeout: 60_000 });
    statsMs = Date.now() - started;
    // Settled: each chart's latest draw shows every run's points; the first draw that showed them ends the timing.
    open.push(await actionToDrawn(page, 'click', CHARTS.map((chart) => ({ chart, until: 'latest' }))));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await compare.waitFor();
  }
  open.splice(0, WARMUP);
  await compare.click();
  await actionToDrawn(page, 'click', [{ chart: CHARTS[0]!, until: 'data' }], 30_000);
  const legend = page.getByRole('list', { name: 'Runs compared' }).getByRole('button');
  const hover: number[] = [];
  for (let round = 0; round < HOVER_ROUNDS; round++) {
    for (let i = 0; i < expected; i++) {
      await legend.nth(i).hover();
      hover.push(await actionToDrawn(page, 'mouseover', CHARTS.map((chart) => ({ chart, until: 'new-emphasis' }))));
    }
  }
  return { open, hover, statsMs };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-compare-bench-'));
  const dbFile = join(dir, 'bench.sqlite');
  buildRenderer();
  writeRuns(dbFile);
  const server = await serve(dbFile);
  const browser = await launchChromium();
  const out = report(
    `Compare: ${RUNS} runs (\`npx tsx bench/compare.bench.ts${quick ? ' --quick' : ''}\`)`,
    `${RUNS} runs × ${POINTS.toLocaleString('en')} points (loss, lr) + epoch, schedules attached, in Chromium; ${OPENS} opens after ${WARMUP} untimed, ${HOVER_ROUNDS * RUNS} hovers; baseline: 2 runs.`,
    `${OPENS} opens after ${WARMUP} untimed (${HOVER_ROUNDS * RUNS} hovers)`,
  );
  try {
    const page = await newBenchPage(browser, { width: 1280, height: 800 });
    await page.goto(server.url);
    await page.getByRole('complementary', { name: 'Runs' }).getByRole('checkbox').first().waitFor();
    const small = await measure(page, '^bench 0[01]$', 2);
    const big = await measure(page, '^bench', RUNS);
    await page.screenshot({ path: join(root, 'test-results', 'compare-bench-20-runs.png') });
    const openOk = median(big.open) < OPEN_TARGET_MS && p95(big.open) < OPEN_TARGET_MS;
    const hoverOk = median(big.hover) < HOVER_TARGET_MS && p95(big.hover) < HOVER_TARGET_MS;
    if (!openOk || !hoverOk) process.exitCode = 1;
    const pct = (xs: number[], d: number) => `p95 ${p95(xs).toFixed(d)} ms`;
    out.end(
      [
        { what: 'click → both charts drawn', figure: `${spread(big.open, 'ms', 1)}; ${pct(big.open, 1)}`, baseline: `2 runs: ${spread(small.open, 'ms', 1)}; ${(median(big.open) / median(small.open)).toFixed(1)}×`, requirement: meets(openOk, `median and p95 < ${OPEN_TARGET_MS} ms`) },
        { what: 'legend hover → both redrawn', figure: `${spread(big.hover, 'ms')}; ${pct(big.hover, 2)}`, baseline: `2 runs: ${spread(small.hover, 'ms')}; ${(median(big.hover) / median(small.hover)).toFixed(1)}×`, requirement: meets(hoverOk, `median and p95 < ${HOVER_TARGET_MS} ms`) },
      ],
      [`Chromium ${browser.version()}. Summary figures from every point: the last open's click → table filled took ${big.statsMs} ms for ${RUNS} runs, ${small.statsMs} ms for 2.`],
    );
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
