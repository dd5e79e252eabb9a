import { describe, expect, it } from 'vitest';
import { ensureChromium, type EnsureOptions, type Installer } from './ensure-chromium';
import type { BrowserHost } from './find-chromium';

const PW = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A fake Debian machine whose installers create files and record that they ran. */
function machine(files: string[] = []) {
  const present = new Set(files);
  const ran: string[] = [];
  const host: BrowserHost = { platform: 'linux', env: {}, home: '/root', exists: (p) => present.has(p), playwrightChromium: PW };
  const installer = (name: string, works: boolean, creates: string | null, unavailable: string | null = null): Installer => ({
    name,
    unavailable: () => unavailable,
    run: () => {
      ran.push(name);
      if (works && creates) present.add(creates);
      return works;
    },
  });
  const lines: string[] = [];
  const options = (installers: Installer[], extra: Partial<EnsureOptions> = {}): EnsureOptions => ({
    host, installers, noInstall: false, pretendNone: false, isDebian: true, say: (l) => lines.push(l), ...extra,
  });
  return { installer, options, ran, lines };
}

describe('npm test gets a browser before any test runs', () => {
  it('installs nothing when one is found', () => {
    const m = machine(['/usr/bin/chromium']);
    const result = ensureChromium(m.options([m.installer('playwright', true, PW)]));
    expect(result).toEqual({ found: { path: '/usr/bin/chromium', source: 'system' }, installedBy: null });
    expect(m.ran).toEqual([]);
  });

  it("Playwright's download first, where it works", () => {
    const m = machine();
    const result = ensureChromium(m.options([m.installer('playwright', true, PW), m.installer('apt', true, '/usr/bin/chromium')]));
    expect(result).toEqual({ found: { path: PW, source: "Playwright's Chromium" }, installedBy: 'playwright' });
    expect(m.ran).toEqual(['playwright']);
  });

  it("Debian's package when Playwright's download fails", () => {
    const m = machine();
    const result = ensureChromium(m.options([m.installer('playwright', false, null), m.installer('apt', true, '/usr/bin/chromium')]));
    expect(result).toEqual({ found: { path: '/usr/bin/chromium', source: 'system' }, installedBy: 'apt' });
    expect(m.ran).toEqual(['playwright', 'apt']);
  });

  it('one message saying what to install when both fail', () => {
    const m = machine();
    const result = ensureChromium(m.options([m.installer('playwright', false, null), m.installer('apt', false, null, 'not running as root')]));
    expect(result.found).toBeNull();
    const message = 'message' in result ? result.message : '';
    expect(message).toContain('no Chromium, Chrome or Edge for the end-to-end tests');
    expect(message).toContain('`sudo apt-get install chromium`');
    expect(message).toContain('- playwright: failed');
    expect(message).toContain('- apt: not tried (not running as root)');
    expect(message).toContain('/usr/bin/chromium');
    expect(m.ran).toEqual(['playwright']);
  });

  it('LRSCOPE_NO_INSTALL=1 installs nothing', () => {
    const m = machine();
    const result = ensureChromium(m.options([m.installer('playwright', true, PW)], { noInstall: true }));
    expect(result.found).toBeNull();
    expect('message' in result && result.message).toContain('LRSCOPE_NO_INSTALL=1 is set, so nothing was installed');
    expect(m.ran).toEqual([]);
  });

  it('LRSCOPE_PRETEND_NO_BROWSER=1 takes the install path on a machine that has a browser', () => {
    const m = machine(['/usr/bin/chromium']);
    const result = ensureChromium(m.options([m.installer('playwright', false, null), m.installer('apt', true, null)], { pretendNone: true }));
    expect(result).toEqual({ found: { path: '/usr/bin/chromium', source: 'system' }, installedBy: 'apt' });
    expect(m.ran).toEqual(['playwright', 'apt']);
  });

  it('macOS and Windows advice names no apt-get', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const m = machine();
      const options = m.options([], { isDebian: false });
      options.host = { ...options.host, platform };
      const result = ensureChromium(options);
      const message = 'message' in result ? result.message : '';
      expect(message).not.toContain('apt-get');
      expect(message).toContain(platform === 'darwin' ? 'Install Google Chrome' : 'Microsoft Edge');
    }
  });
});
