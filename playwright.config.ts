import { defineConfig } from '@playwright/test';
import type { ShellOption } from './e2e/fixtures';
import { electronAvailability } from './e2e/electron-availability';
import { findChromium, installAdvice } from './scripts/browser/find-chromium';
import { isDebian, realHost } from './scripts/browser/system';

// The Chromium the tests drive: LRSCOPE_CHROMIUM, else Playwright's own, else the system's Chromium,
// Chrome or Edge (scripts/browser/find-chromium.ts). `npm test` installs one first where none is found.
const search = findChromium(realHost());
if (!search.found) {
  throw new Error(`no Chromium, Chrome or Edge for the end-to-end tests. ${installAdvice(process.platform, isDebian())} (\`npm test\` installs one itself unless LRSCOPE_NO_INSTALL=1.)`);
}
const chromium = {
  executablePath: search.found.path,
  args: [
    ...(process.platform === 'linux' ? ['--no-sandbox'] : []), // Chromium refuses to run as root (CI containers) with its sandbox
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
};

export default defineConfig<ShellOption>({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One retry in CI, reported as "flaky" in the output, so a loaded machine cannot sink a landing
  // unseen; a test that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    launchOptions: chromium,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: { shell: 'browser' } },
    {
      name: 'electron',
      use: { shell: 'electron' },
      // The same flows in the desktop window; skipped, with the reason, where Electron's binary is absent.
      metadata: { electron: electronAvailability() },
    },
  ],
});
