import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { userDataDir } from '../config';

const CHROMIUMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

function which(cmd: string): string | null {
  const result = spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0]!.trim() : null;
}

/**
 * Opens the URL as an app window (Chromium's --app gives a window without browser chrome),
 * else in the default browser. Returns what opened it, or null where nothing can
 * (no display, as on a remote training box: the printed URL is the way in).
 */
export function openInBrowser(url: string): string | null {
  const graphical = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!graphical) return null;
  for (const name of CHROMIUMS) {
    const bin = which(name);
    if (!bin) continue;
    const args = [`--app=${url}`, `--user-data-dir=${join(userDataDir(), 'browser-profile')}`, '--no-first-run'];
    if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to start as root otherwise
    spawn(bin, args, { detached: true, stdio: 'ignore' }).unref();
    return `${name} --app`;
  }
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (!which(opener)) return null;
  spawn(opener, [url], { detached: true, stdio: 'ignore' }).unref();
  return opener;
}
