// What the browser benches share: the built renderer served by `lrscope serve` on a bench
// database, Debian's Chromium driven by Playwright, and the figures printed the same way.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { PERF_ON } from '../../e2e/perf-on';
import { startServe } from '../../e2e/serve';

export const root = join(import.meta.dirname, '..', '..');

/** The renderer as shipped, rebuilt only when its sources changed (scripts/build.mjs). */
export function buildRenderer(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer', '--if-changed'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node scripts/build.mjs renderer --if-changed failed');
}

/** The CLI bundle and the renderer as shipped, each rebuilt only when its sources changed. */
export function buildShipped(): void {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node scripts/build.mjs --if-changed failed');
}

/** `lrscope serve` on a bench database; `stop()` ends it. */
export async function serve(db: string): Promise<{ url: string; stop: () => void }> {
  const server = await startServe(db);
  return { url: server.url, stop: () => void server.stop() };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LRSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page with the test and timing hooks on (src-renderer/perf.ts), as the e2e tests have them. */
export async function newBenchPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript({ content: PERF_ON });
  return context.newPage();
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
export const median = (xs: number[]) => quantile(xs, 0.5);
export const p95 = (xs: number[]) => quantile(xs, 0.95);

export function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, node ${process.version}`;
}
