// The Electron window's checks (issue 11): they compare the whole of the page's URL (scheme, host,
// path), not the path alone; against stand-ins for Electron's objects (its binary is absent here).
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServices, type Services } from '../services';
import { APP_URL, appRequestFile, isAppPage } from './app-protocol';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { lockNavigation, windowOptions } from './window';

const FILE_APP = 'file:///app/out/renderer/index.html';

describe('12. the navigation lock', () => {
  const navigate = (appUrl: string, url: string): boolean => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    lockNavigation(contents as never, appUrl);
    const event = { preventDefault: vi.fn(), url };
    contents.emit('will-navigate', event, url);
    return event.preventDefault.mock.calls.length === 0;
  };

  it('refuses a foreign origin that carries the app page\'s path (it was allowed)', () => {
    expect(navigate(FILE_APP, 'https://evil.example/app/out/renderer/index.html')).toBe(false);
    expect(navigate(FILE_APP, 'file://evil-host/app/out/renderer/index.html')).toBe(false);
    expect(navigate(APP_URL, 'app://evil/index.html')).toBe(false);
    expect(navigate(APP_URL, 'https://lrscope/index.html')).toBe(false);
    expect(navigate(APP_URL, 'app://user:pw@lrscope/index.html')).toBe(false);
  });

  it('allows the app page itself, with any route', () => {
    expect(navigate(APP_URL, 'app://lrscope/index.html#/designer')).toBe(true);
    expect(navigate(FILE_APP, `${FILE_APP}#/runs`)).toBe(true);
  });

  it('also checks subframe navigations', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    lockNavigation(contents as never, APP_URL);
    const event = { preventDefault: vi.fn(), url: 'https://evil.example/' };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('12. the IPC sender check', () => {
  let dir: string;
  let services: Services;
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lrscope-ipc-hardening-'));
    services = openServices(join(dir, 'db.sqlite'), 'electron');
    registerIpc({ handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) } as never, services, APP_URL);
  });
  afterEach(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const from = (url: string) => ({ senderFrame: { url, parent: null } });

  it('refuses a frame whose host differs (file://evil-host/… was trusted)', async () => {
    for (const url of ['app://evil-host/index.html', 'file://evil-host/index.html', 'https://lrscope/index.html', 'app://lrscope/other.html']) {
      expect(await handlers.get('runs.create')!(from(url), { name: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(services.runs.list()).toEqual([]);
    expect(await handlers.get('runs.create')!(from(`${APP_URL}#/runs`), { name: 'ok' })).toMatchObject({ ok: true });
  });
});

describe('12. the app:// protocol', () => {
  it('serves files of the renderer folder only', () => {
    expect(appRequestFile('app://lrscope/index.html', '/r')).toBe('/r/index.html');
    expect(appRequestFile('app://lrscope/', '/r')).toBe('/r/index.html');
    expect(appRequestFile('app://lrscope/assets/a.js', '/r')).toBe('/r/assets/a.js');
    expect(appRequestFile('app://lrscope/%2e%2e/%2e%2e/etc/passwd', '/r')).toBeNull();
    expect(appRequestFile('app://lrscope/..%2f..%2fetc/passwd', '/r')).toBeNull();
    expect(appRequestFile('app://evil/index.html', '/r')).toBeNull();
    expect(appRequestFile('app://lrscope/%E0%A4%A', '/r')).toBeNull();
    expect(appRequestFile('app://lrscope/a%00.js', '/r')).toBeNull();
    expect(isAppPage('not a url', APP_URL)).toBe(false);
  });
});

describe('12. the production window and menu', () => {
  it('has no Toggle DevTools and no devtools unless in development', () => {
    const roles = (dev: boolean) => JSON.stringify(menuTemplate({ openLog: () => undefined, navigate: () => undefined }, dev));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(windowOptions('/p.cjs').webPreferences).toMatchObject({ devTools: false, disableBlinkFeatures: 'Auxclick' });
  });
});
