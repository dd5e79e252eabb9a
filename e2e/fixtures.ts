// Each test gets its own database in a fresh temp folder and its own lrscope, either the
// browser-mode server (with Debian's Chromium) or the Electron window.
import { test as base, _electron, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from './electron-availability';
import { PERF_ON } from './perf-on';
import { startServe, type ServerHandle } from './serve';

export type { ServerHandle } from './serve';

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

/** A browser context whose pages carry the test hooks (e2e/perf-on.ts). */
export async function testContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: PERF_ON });
  return context;
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
        _electron.launch({ args: ['out/main/index.mjs', '--db', dbFile], env: { ...process.env, LRSCOPE_DB: dbFile } });
      // The window loads as the app starts, before an init script can be added: add it, then reload.
      const firstWindow = async (e: Awaited<ReturnType<typeof launch>>) => {
        await e.context().addInitScript({ content: PERF_ON });
        const page = await e.firstWindow();
        await page.reload();
        return page;
      };
      let electronApp = await launch();
      const app: LrscopeApp = {
        page: await firstWindow(electronApp),
        dbFile,
        dataDir,
        restart: async () => {
          await electronApp.close();
          electronApp = await launch();
          app.page = await firstWindow(electronApp);
        },
      };
      await use(app);
      await electronApp.close();
    } else {
      const context = await testContext(browser);
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
