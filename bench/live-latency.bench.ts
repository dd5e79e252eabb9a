// From a training log's write to the open run view showing it (issue 13: within 2 s). `lrscope
// serve --logdir` follows a folder; a CSV gains 20 rows a second; Chromium has the run open; the
// figure is the time from the append to the metrics table and the chart both showing the new
// last step (medians after warm-up). Run alone: `npx tsx bench/live-latency.bench.ts`.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../e2e/serve';
import { buildRenderer, launchChromium, newBenchPage, p95 } from './lib/browser';
import { median, meets, quick, report, spread } from './lib/measure';

const FLUSHES = quick ? 8 : 25;
const WARM_UP = 3;
const ROWS = 20;

async function main(): Promise<void> {
  buildRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-live-bench-'));
  const logdir = join(dir, 'logs');
  const log = join(logdir, 'live_run', 'metrics.csv');
  mkdirSync(join(logdir, 'live_run'), { recursive: true });
  let step = 0;
  const rows = () => {
    let text = '';
    for (let i = 0; i < ROWS; i++, step++) text += `${step},${Math.exp(-step / 300)},${0.1 * Math.cos(step / 50)}\n`;
    return text;
  };
  writeFileSync(log, `step,loss,lr\n${rows()}`);
  const out = report(
    `Live latency (\`npx tsx bench/live-latency.bench.ts${quick ? ' --quick' : ''}\`)`,
    `\`lrscope serve --logdir\` follows a CSV that gains ${ROWS} rows a second; Chromium has the run open; from the append to the metrics table and the chart both showing the new last step.`,
  );
  const server = await startServe(join(dir, 'lrscope.sqlite'), ['--logdir', logdir]);
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser, { width: 1280, height: 800 });
    await page.goto(server.url);
    await page.getByRole('link', { name: /live_run/ }).click();
    await page.getByRole('table', { name: 'Metrics' }).waitFor();
    const latencies: number[] = [];
    for (let k = 0; k < FLUSHES; k++) {
      await new Promise((r) => setTimeout(r, 1000));
      appendFileSync(log, rows());
      const t0 = performance.now();
      const last = step - 1;
      await page.waitForFunction(
        (last) => {
          const table = document.querySelector('table[aria-label="Metrics"]')?.textContent ?? '';
          const range = document.querySelector('[data-testid="run-chart"]')?.getAttribute('data-range') ?? '';
          return table.includes(`– ${last}`) && range.endsWith(`-${last}`);
        },
        last,
        { polling: 'raf', timeout: 30_000 },
      );
      if (k >= WARM_UP) latencies.push(performance.now() - t0);
    }
    const med = median(latencies);
    out.end([
      {
        what: `append of ${ROWS} rows → run view shows it (table and chart), ${latencies.length} flushes after ${WARM_UP} warm-up`,
        figure: spread(latencies, 'ms', 0),
        baseline: `p95 ${p95(latencies).toFixed(0)} ms`,
        requirement: meets(med < 2000, '< 2 s'),
      },
    ]);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
