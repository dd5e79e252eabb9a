// Each test gets its own database in a fresh temp folder and its own lrscope, either the
// browser-mode server (with Debian's Chromium) or the Electron window.
import { test as base, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from './electron-availability';

export interface ServerHandle {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `lrscope serve` on a random loopback port and waits for the URL it prints. */
export async function startServe(dbFile: string, extraArgs: string[] = []): Promise<ServerHandle> {
  const child = spawn(process.execPath, ['bin/lrscope.mjs', 'serve', '--db', dbFile, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`lrscope serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LrscopeApp {
  page: Page;
  dbFile: string;
  dataDir: string;
  /** Stops lrscope and starts it again on the same database; the page is reloaded. */
  restart(): Promise<void>;
  server?: ServerHandle;
}

export interface ShellOption {
  shell: 'browser' | 'electron';
}

export const test = base.extend<ShellOption & { app: LrscopeApp }>({
  shell: ['browser', { option: true }],
  app: async ({ shell, browser }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lrscope-e2e-'));
    const dbFile = join(dataDir, 'lrscope.sqlite');
    if (shell === 'electron') {
      const { available, reason } = electronAvailability();
      testInfo.skip(!available, reason);
      const launch = () =>
        _electron.launch({ args: ['out/main/index.cjs', '--db', dbFile], env: { ...process.env, LRSCOPE_DB: dbFile } });
      let electronApp = await launch();
      const app: LrscopeApp = {
        page: await electronApp.firstWindow(),
        dbFile,
        dataDir,
        restart: async () => {
          await electronApp.close();
          electronApp = await launch();
          app.page = await electronApp.firstWindow();
        },
      };
      await use(app);
      await electronApp.close();
    } else {
      const context = await browser.newContext();
      const page = await context.newPage();
      const app: LrscopeApp = {
        page,
        dbFile,
        dataDir,
        server: await startServe(dbFile),
        restart: async () => {
          const hash = new URL(page.url()).hash; // the view the user was on, as a reload keeps it
          await app.server!.stop();
          app.server = await startServe(dbFile);
          await page.goto(app.server.url + hash);
        },
      };
      await page.goto(app.server!.url);
      await use(app);
      await context.close();
      await app.server!.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
