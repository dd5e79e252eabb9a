import { describe, expect, it } from 'vitest';
import { defaultBrowserOpener, type Desktop } from './open-browser';

const URL = 'http://127.0.0.1:6061/?token=0123abcd';
const desktop = (platform: NodeJS.Platform, env: Record<string, string> = {}, commands: string[] = []): Desktop => ({
  platform,
  env,
  has: (c) => commands.includes(c),
});

describe('npm start opens browser mode in the default browser', () => {
  it('Linux: xdg-open where there is a display', () => {
    expect(defaultBrowserOpener(URL, desktop('linux', { DISPLAY: ':0' }, ['xdg-open']))).toEqual({ command: 'xdg-open', args: [URL], verbatim: false, name: 'xdg-open' });
    expect(defaultBrowserOpener(URL, desktop('linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['xdg-open']))?.name).toBe('xdg-open');
  });

  it('Linux: nothing without a display or without xdg-open (the URL is printed)', () => {
    expect(defaultBrowserOpener(URL, desktop('linux', {}, ['xdg-open']))).toBeNull();
    expect(defaultBrowserOpener(URL, desktop('linux', { DISPLAY: ':0' }, []))).toBeNull();
  });

  it('macOS: open', () => {
    expect(defaultBrowserOpener(URL, desktop('darwin'))).toEqual({ command: 'open', args: [URL], verbatim: false, name: 'open' });
  });

  it('Windows: cmd.exe start, with an empty window title and the URL quoted', () => {
    expect(defaultBrowserOpener(URL, desktop('win32'))).toEqual({ command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${URL}"`], verbatim: true, name: 'start' });
  });
});
