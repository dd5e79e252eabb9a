// Designer: re-evaluating and redrawing a 100,000-step schedule after a keystroke (target: < 16 ms,
// one frame at 60 Hz), measured for real: the built renderer served by `lrscope serve`, driven in
// Debian's Chromium. From the field's input event (marked before the app's handler runs) to the
// end of the chart's next uPlot draw (timing marks of src-renderer/perf.ts, read by
// bench/lib/drawn.ts), so the figure covers validation, evaluation into the reused buffer,
// setData, and drawing the curve, its marks and axes. The evaluation alone is timed by
// bench/schedule.bench.ts. Baseline: the same keystrokes over a 1,000-step range.
//
//   npx tsx bench/designer.bench.ts [--quick]      (--quick: 16 keystrokes per case instead of 50)
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildRenderer, launchChromium, newBenchPage, serve } from './lib/browser';
import { actionToDrawn } from './lib/drawn';
import { median, meets, p95, quick, report, spread, WARMUP, type Row } from './lib/measure';

/** Keystrokes timed per case, after WARMUP untimed ones. */
const KEYSTROKES = quick ? 16 : 50;
const TARGET_MS = 16;

async function setRange(page: Page, to: number): Promise<void> {
  await page.getByRole('textbox', { name: 'to step' }).fill(String(to));
  await page.waitForFunction((t) => document.querySelector('[data-testid="designer-chart"]')?.getAttribute('data-range')?.endsWith(`-${t}`), to);
}

/** Types into `field` one key at a time (a digit, then Backspace, …), waiting for each redraw. */
async function keystrokes(page: Page, field: string): Promise<number[]> {
  const input = page.getByRole('textbox', { name: field, exact: true });
  await input.click();
  await input.press('End');
  const times: number[] = [];
  for (let i = 0; i < WARMUP * 2 + KEYSTROKES; i++) {
    await input.press(i % 2 === 0 ? String((i / 2) % 9 + 1) : 'Backspace');
    const ms = await actionToDrawn(page, 'input', [{ chart: 'designer-chart', until: 'any' }]);
    if (i >= WARMUP * 2) times.push(ms);
  }
  return times;
}

async function main(): Promise<void> {
  buildRenderer();
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-bench-'));
  const server = await serve(join(dir, 'bench.sqlite'));
  const browser = await launchChromium();
  const rows: Row[] = [];
  let failed = false;
  const out = report(
    `Designer keystroke → drawn (\`npx tsx bench/designer.bench.ts${quick ? ' --quick' : ''}\`)`,
    `A 100,000-step schedule re-evaluated and redrawn per keystroke in Chromium (${KEYSTROKES} keystrokes per case after ${WARMUP * 2} untimed); baseline: the same keystrokes over 1,000 steps.`,
    `${KEYSTROKES} keystrokes after ${WARMUP * 2} untimed`,
  );
  try {
    const page = await newBenchPage(browser, { width: 1280, height: 800 });
    await page.goto(server.url.replace(/#.*$/, '') + '#/designer');
    await page.getByTestId('designer-chart').locator('canvas').waitFor();

    const cases: { name: string; preset?: string; field: string; candidates: number }[] = [
      { name: 'exponential_decay staircase (1 candidate)', preset: 'exponential_decay, staircase', field: 'decay_rate', candidates: 1 },
      { name: 'cosine_decay_restarts (1 candidate)', preset: 'cosine_decay_restarts', field: 'learning_rate', candidates: 1 },
      { name: 'cosine family (4 candidates)', preset: 'cosine family · 4 on one chart', field: 'learning_rate', candidates: 4 },
    ];
    for (const c of cases) {
      if (c.preset) await page.getByRole('region', { name: 'Presets' }).getByRole('button', { name: c.preset, exact: true }).click();
      // The seed presets span 0–59; make the decay periods visible at 100,000 steps too.
      const periodField = c.field === 'decay_rate' ? 'decay_steps' : null;
      if (periodField) await page.getByRole('textbox', { name: periodField, exact: true }).fill('1000');
      const result: Record<number, number[]> = {};
      for (const steps of [1_000, 100_000]) {
        await setRange(page, steps - 1);
        result[steps] = await keystrokes(page, c.field);
      }
      const big = result[100_000]!;
      const small = result[1_000]!;
      const ok = median(big) < TARGET_MS && p95(big) < TARGET_MS;
      failed ||= !ok;
      rows.push({
        what: `${c.name}, 100,000 steps: keystroke → drawn`,
        figure: `${spread(big, 'ms')}; p95 ${p95(big).toFixed(2)} ms`,
        baseline: `1,000 steps: ${spread(small, 'ms')}; ${(median(big) / median(small)).toFixed(1)}×`,
        requirement: meets(ok, `median and p95 < ${TARGET_MS} ms`),
      });
    }
    out.end(rows, [`Chromium ${browser.version()}.`]);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
