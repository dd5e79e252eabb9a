// `serve --open` (what `npm start` runs where Electron is absent): the URL in the user's default
// browser, with the platform's own opener; where none can open it (a remote box without a
// display), the printed URL is the way in.
import { spawn, spawnSync } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
  /** Windows: the arguments go to cmd.exe as written (cmd's own quoting, not the C runtime's). */
  verbatim: boolean;
  /** In the user's words, for the line `serve` prints. */
  name: string;
}

export interface Desktop {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether a command is on PATH. */
  has(command: string): boolean;
}

/** How this platform opens a URL in the default browser, or null where nothing can. */
export function defaultBrowserOpener(url: string, desktop: Desktop): Opener | null {
  if (desktop.platform === 'darwin') return { command: 'open', args: [url], verbatim: false, name: 'open' };
  if (desktop.platform === 'win32') {
    // `start` is built into cmd.exe; its first quoted argument is the window title, hence "".
    return { command: 'cmd.exe', args: ['/d', '/s', '/c', `start "" "${url}"`], verbatim: true, name: 'start' };
  }
  const graphical = Boolean(desktop.env.DISPLAY || desktop.env.WAYLAND_DISPLAY);
  if (!graphical || !desktop.has('xdg-open')) return null;
  return { command: 'xdg-open', args: [url], verbatim: false, name: 'xdg-open' };
}

function onPath(command: string): boolean {
  return spawnSync('which', [command], { stdio: 'ignore' }).status === 0;
}

/** Opens the URL in the default browser; returns the opener's name, or null when none could. */
export function openInBrowser(url: string): string | null {
  const opener = defaultBrowserOpener(url, { platform: process.platform, env: process.env, has: onPath });
  if (!opener) return null;
  const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: opener.verbatim });
  child.on('error', () => {}); // the URL is printed either way
  child.unref();
  return opener.name;
}
