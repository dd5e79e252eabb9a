// The real machine behind find-chromium's BrowserHost, and the two ways `npm test` installs a browser.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import type { BrowserHost } from './find-chromium';
import type { Installer } from './ensure-chromium';

export function realHost(): BrowserHost {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: (path) => existsSync(path),
    playwrightChromium: playwrightChromium(),
  };
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // a platform Playwright has no Chromium build for
  }
}

export function isDebian(): boolean {
  return process.platform === 'linux' && existsSync('/etc/debian_version');
}

const TEN_MINUTES = 600_000;

export const playwrightInstall: Installer = {
  name: '`npx playwright install chromium`',
  unavailable: () => null,
  run: () => {
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: TEN_MINUTES });
    return result.status === 0;
  },
};

export const aptInstall: Installer = {
  name: "Debian's `apt-get install -y chromium`",
  unavailable: () => {
    if (!isDebian()) return 'not Debian';
    if (process.getuid?.() !== 0) return 'not running as root';
    return null;
  },
  run: () => {
    const apt = (args: string[]) =>
      spawnSync('apt-get', args, { stdio: 'inherit', timeout: TEN_MINUTES, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
    // A fresh container has no package lists yet: update once, then try again.
    const install = ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-q', 'chromium'];
    return apt(install) || (apt(['update', '-q']) && apt(install));
  },
};

/** Whether the browser starts at all (a downloaded Chromium can lack the system's libraries). */
export function startsUp(path: string): { ok: boolean; detail: string } {
  if (process.platform === 'win32') return { ok: true, detail: '' }; // chrome.exe --version opens no console output
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const detail = (result.stdout || result.stderr || result.error?.message || '').trim();
  return { ok: result.status === 0, detail };
}
