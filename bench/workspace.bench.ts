// A workspace of 1,000 runs (issue 15): 3 metrics × 100,000 points each (300M points). Measured in
// Debian's Chromium against `lrscope serve` (built renderer): from navigation to the runs list
// usable (its first row shown, the list knowing all 1,000), a filter typed to its rows shown, and a
// scroll to the end to the last run shown; with the rows in the page at the end. Medians of ROUNDS
// page loads after a warm-up, with min–max and the load average.
//
//   npx tsx bench/workspace.bench.ts [--quick]      (--quick: 10,000 points per metric)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { writeWorkspace } from '../e2e/workspace';
import { buildRenderer, launchChromium, machine, median, serve } from './lib/browser';

const RUNS = 1000;
const POINTS = process.argv.includes('--quick') ? 10_000 : 100_000;
const WARMUP = 1;
const ROUNDS = 5;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-workspace-'));
  const file = join(dir, 'ws.sqlite');
  try {
    buildRenderer();
    const started = performance.now();
    writeWorkspace(file, RUNS, POINTS);
    console.log(`workspace: ${machine()}; ${RUNS} runs × 3 metrics × ${POINTS.toLocaleString('en')} points written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`  load average before: ${load()}`);
    const server = await serve(file);
    const browser = await launchChromium();
    const usable: number[] = [];
    const filtered: number[] = [];
    const scrolled: number[] = [];
    let rowsInPage = 0;
    try {
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const list = page.getByRole('complementary', { name: 'Runs' }).getByRole('list').first();
        const rows = list.getByRole('listitem');
        const t0 = performance.now();
        await page.goto(server.url);
        await rows.first().waitFor();
        await page.waitForFunction(() => document.querySelector('aside li[aria-setsize="1000"]') !== null);
        const tUsable = performance.now() - t0;
        const f0 = performance.now();
        await page.getByRole('searchbox', { name: 'Filter runs' }).fill('^sweep run 05(0[0-9]|10)$');
        await page.waitForFunction(() => document.querySelectorAll('aside ul li:not(.spacer)').length === 11);
        const tFilter = performance.now() - f0;
        await page.getByRole('searchbox', { name: 'Filter runs' }).fill('');
        await page.waitForFunction(() => document.querySelector('aside li[aria-setsize="1000"]') !== null);
        const s0 = performance.now();
        await list.evaluate((ul) => ul.scrollTo(0, ul.scrollHeight));
        await page.getByRole('link', { name: /sweep run 0000/ }).waitFor();
        const tScroll = performance.now() - s0;
        rowsInPage = await rows.count();
        await page.close();
        if (i < WARMUP) continue;
        usable.push(tUsable);
        filtered.push(tFilter);
        scrolled.push(tScroll);
      }
    } finally {
      await browser.close();
      server.stop();
    }
    console.log(`  median of ${ROUNDS} page loads after ${WARMUP} warm-up (min–max):`);
    console.log(`  navigation → runs list usable (first row, all ${RUNS} known): ${fmt(usable)}`);
    console.log(`  filter typed → its 11 rows shown: ${fmt(filtered)}`);
    console.log(`  scroll to the end → last run shown: ${fmt(scrolled)}; rows in the page: ${rowsInPage} of ${RUNS}`);
    console.log(`  load average after: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
