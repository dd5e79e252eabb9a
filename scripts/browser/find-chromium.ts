// Which Chromium the end-to-end tests drive. Pure: the file system, the environment and the
// platform come in as a `BrowserHost`, so the order is unit-tested for Linux, macOS and Windows
// on any machine (find-chromium.test.ts).
import { posix, win32 } from 'node:path';

export interface BrowserHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  exists(path: string): boolean;
  /** Where Playwright keeps the Chromium that `npx playwright install chromium` downloads. */
  playwrightChromium: string | undefined;
}

export type BrowserSource = 'LRSCOPE_CHROMIUM' | "Playwright's Chromium" | 'system';

export interface Found {
  path: string;
  source: BrowserSource;
}

export interface Search {
  found: Found | null;
  /** Every place looked at, in order, for the message when nothing was found. */
  looked: string[];
  /** Things the user should know even when a browser was found (a LRSCOPE_CHROMIUM that points nowhere). */
  notes: string[];
}

/** Names of Chromium-family browsers on Linux, looked up on PATH and then in the usual folders. */
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const LINUX_FOLDERS = ['/usr/bin', '/usr/local/bin', '/snap/bin'];
const LINUX_FIXED = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_APPS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
];

/** The system's Chromium, Chrome and Edge at their usual places, most specific first. */
export function systemCandidates(host: Pick<BrowserHost, 'platform' | 'env' | 'home'>): string[] {
  const { platform, env, home } = host;
  if (platform === 'darwin') {
    return ['/Applications', posix.join(home, 'Applications')].flatMap((dir) => MAC_APPS.map((app) => posix.join(dir, app)));
  }
  if (platform === 'win32') {
    // Chrome installs per machine (Program Files) or per user (LocalAppData); Edge ships in Program Files (x86).
    const roots = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter((r): r is string => Boolean(r));
    return unique(WINDOWS_APPS.flatMap((parts) => roots.map((root) => win32.join(root, ...parts))));
  }
  return LINUX_FOLDERS.flatMap((dir) => LINUX_NAMES.map((name) => posix.join(dir, name))).concat(LINUX_FIXED);
}

/** Linux: the browser names in the PATH's folders, as a shell would find them. */
function onPath(host: BrowserHost): string | null {
  if (host.platform !== 'linux' && host.platform !== 'freebsd') return null;
  const dirs = (host.env['PATH'] ?? '').split(':').filter((d) => d.startsWith('/'));
  for (const name of LINUX_NAMES) {
    for (const dir of dirs) {
      const path = posix.join(dir, name);
      if (host.exists(path)) return path;
    }
  }
  return null;
}

/**
 * The order: LRSCOPE_CHROMIUM; Playwright's own Chromium where it was installed; the system's
 * Chromium, Chrome or Edge. A LRSCOPE_CHROMIUM that names no file is reported and passed over.
 */
export function findChromium(host: BrowserHost): Search {
  const looked: string[] = [];
  const notes: string[] = [];
  const chosen = host.env['LRSCOPE_CHROMIUM'];
  if (chosen) {
    looked.push(`LRSCOPE_CHROMIUM=${chosen}`);
    if (host.exists(chosen)) return { found: { path: chosen, source: 'LRSCOPE_CHROMIUM' }, looked, notes };
    notes.push(`LRSCOPE_CHROMIUM names ${chosen}, which does not exist; looking elsewhere`);
  }
  if (host.playwrightChromium) {
    looked.push(host.playwrightChromium);
    if (host.exists(host.playwrightChromium)) return { found: { path: host.playwrightChromium, source: "Playwright's Chromium" }, looked, notes };
  }
  const found = onPath(host);
  if (host.platform === 'linux') looked.push(`${LINUX_NAMES.join(', ')} on PATH`);
  if (found) return { found: { path: found, source: 'system' }, looked, notes };
  for (const path of systemCandidates(host)) {
    looked.push(path);
    if (host.exists(path)) return { found: { path, source: 'system' }, looked, notes };
  }
  return { found: null, looked, notes };
}

/** What to install, in this platform's words, when no browser was found and none could be installed. */
export function installAdvice(platform: NodeJS.Platform, isDebian: boolean): string {
  const playwright = '`npx playwright install chromium` (needs access to cdn.playwright.dev)';
  const own = 'or set LRSCOPE_CHROMIUM to the path of a Chromium, Chrome or Edge executable';
  if (platform === 'darwin') return `Install Google Chrome (https://www.google.com/chrome/) or run ${playwright}, ${own}.`;
  if (platform === 'win32') return `Install Google Chrome or Microsoft Edge, or run ${playwright}, ${own}.`;
  const system = isDebian ? '`sudo apt-get install chromium`' : "your distribution's chromium package";
  return `Install Chromium: ${system}, or run ${playwright.replace('install', 'install --with-deps')}, ${own}.`;
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
