import { describe, expect, it } from 'vitest';
import { findChromium, systemCandidates, type BrowserHost } from './find-chromium';

/** A fake machine: only the listed files exist. */
function host(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}, playwright?: string): BrowserHost {
  const present = new Set(files);
  const home = platform === 'win32' ? 'C:\\Users\\ada' : platform === 'darwin' ? '/Users/ada' : '/home/ada';
  return { platform, env, home, exists: (p) => present.has(p), playwrightChromium: playwright };
}

const PW_LINUX = '/home/ada/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const PW_MAC = '/Users/ada/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
const PW_WIN = 'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
const WIN_ENV = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' };

describe('the e2e browser, Linux', () => {
  const debian = '/usr/bin/chromium';
  it('LRSCOPE_CHROMIUM first, then Playwright, then the system', () => {
    const all = [debian, PW_LINUX, '/opt/chrome'];
    expect(findChromium(host('linux', all, { LRSCOPE_CHROMIUM: '/opt/chrome' }, PW_LINUX)).found).toEqual({ path: '/opt/chrome', source: 'LRSCOPE_CHROMIUM' });
    expect(findChromium(host('linux', all, {}, PW_LINUX)).found).toEqual({ path: PW_LINUX, source: "Playwright's Chromium" });
    expect(findChromium(host('linux', [debian], {}, PW_LINUX)).found).toEqual({ path: debian, source: 'system' });
  });

  it('passes over a LRSCOPE_CHROMIUM that names no file, and says so', () => {
    const search = findChromium(host('linux', [debian], { LRSCOPE_CHROMIUM: '/nowhere/chrome' }, PW_LINUX));
    expect(search.found).toEqual({ path: debian, source: 'system' });
    expect(search.notes).toEqual(['LRSCOPE_CHROMIUM names /nowhere/chrome, which does not exist; looking elsewhere']);
  });

  it('finds chromium-browser and google-chrome, on PATH before the usual folders', () => {
    expect(findChromium(host('linux', ['/usr/bin/chromium-browser'])).found?.path).toBe('/usr/bin/chromium-browser');
    expect(findChromium(host('linux', ['/usr/bin/google-chrome'])).found?.path).toBe('/usr/bin/google-chrome');
    expect(findChromium(host('linux', ['/snap/bin/chromium'])).found?.path).toBe('/snap/bin/chromium');
    const onPath = findChromium(host('linux', ['/home/ada/bin/chromium', debian], { PATH: '/home/ada/bin:/usr/bin' }));
    expect(onPath.found?.path).toBe('/home/ada/bin/chromium');
  });

  it('reports every place looked at when there is none', () => {
    const search = findChromium(host('linux', [], { LRSCOPE_CHROMIUM: '/nowhere' }, PW_LINUX));
    expect(search.found).toBeNull();
    expect(search.looked.slice(0, 4)).toEqual(['LRSCOPE_CHROMIUM=/nowhere', PW_LINUX, 'chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge, microsoft-edge-stable on PATH', '/usr/bin/chromium']);
    expect(search.looked).toContain('/usr/bin/google-chrome');
  });
});

describe('the e2e browser, macOS', () => {
  const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  it('Playwright before the applications; Chrome, then Chromium, then Edge', () => {
    expect(findChromium(host('darwin', [chrome, PW_MAC], {}, PW_MAC)).found?.source).toBe("Playwright's Chromium");
    expect(findChromium(host('darwin', [chrome], {}, PW_MAC)).found).toEqual({ path: chrome, source: 'system' });
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findChromium(host('darwin', [edge])).found?.path).toBe(edge);
    const mine = '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium(host('darwin', [mine])).found?.path).toBe(mine);
  });

  it('never looks at Linux paths', () => {
    expect(findChromium(host('darwin', ['/usr/bin/chromium'])).found).toBeNull();
  });
});

describe('the e2e browser, Windows', () => {
  it('Chrome in Program Files, per user, then Edge; backslash paths', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const userChrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(host('win32', [chrome, edge], WIN_ENV)).found).toEqual({ path: chrome, source: 'system' });
    expect(findChromium(host('win32', [userChrome, edge], WIN_ENV)).found?.path).toBe(userChrome);
    expect(findChromium(host('win32', [edge], WIN_ENV)).found?.path).toBe(edge);
    expect(findChromium(host('win32', [edge, PW_WIN], WIN_ENV, PW_WIN)).found?.path).toBe(PW_WIN);
  });

  it('LRSCOPE_CHROMIUM with a drive letter', () => {
    const mine = 'D:\\tools\\chrome-win\\chrome.exe';
    expect(findChromium(host('win32', [mine], { ...WIN_ENV, LRSCOPE_CHROMIUM: mine })).found).toEqual({ path: mine, source: 'LRSCOPE_CHROMIUM' });
  });

  it('candidates come from the environment, not from Linux folders', () => {
    const candidates = systemCandidates({ platform: 'win32', env: WIN_ENV, home: 'C:\\Users\\ada' });
    expect(candidates[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates.every((c) => /^C:\\/.test(c))).toBe(true);
  });
});
