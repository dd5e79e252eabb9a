// Each test gets its own database in a fresh temp folder and its own lrscope, either the
// browser-mode server (with Debian's Chromium) or the Electron window.
import { test as base, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from './electron-availability';
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
