// What the browser benches share: the built renderer served by `lrscope serve` on a bench
// database, Debian's Chromium driven by Playwright, and the figures printed the same way.
import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export function buildRenderer(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:renderer failed');
}

export async function serve(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/lrscope.mjs', 'serve', '--db', db, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`lrscope serve exited with ${code}:\n${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LRSCOPE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
