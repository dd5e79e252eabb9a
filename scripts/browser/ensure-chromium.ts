// The first step of `npm test`: find the Chromium the end-to-end tests drive, or get one, before any
// test runs. Order of installs: Playwright's own download, else Debian's package when root on Debian.
// LRSCOPE_NO_INSTALL=1 installs nothing. If nothing works, one message says what to install.
import { findChromium, installAdvice, type BrowserHost, type Found, type Search } from './find-chromium';

export interface Installer {
  /** What it runs, in the user's words (`npx playwright install chromium`). */
  name: string;
  /** Why it cannot run here, or null when it can. */
  unavailable(): string | null;
  /** Runs it; true when it says it succeeded. */
  run(): boolean;
}

export interface EnsureOptions {
  host: BrowserHost;
  installers: Installer[];
  noInstall: boolean;
  /** For testing the install path on a machine that has a browser: the first search finds nothing. */
  pretendNone: boolean;
  isDebian: boolean;
  say(line: string): void;
}

export type Ensured = { found: Found; installedBy: string | null } | { found: null; message: string };

export function ensureChromium(options: EnsureOptions): Ensured {
  const { host, say } = options;
  const first: Search = options.pretendNone ? { found: null, looked: ['(LRSCOPE_PRETEND_NO_BROWSER=1: the first search finds nothing)'], notes: [] } : findChromium(host);
  for (const note of first.notes) say(note);
  if (first.found) return { found: first.found, installedBy: null };

  const attempts: string[] = [];
  if (options.noInstall) {
    attempts.push('LRSCOPE_NO_INSTALL=1 is set, so nothing was installed');
  } else {
    for (const installer of options.installers) {
      const why = installer.unavailable();
      if (why) {
        attempts.push(`${installer.name}: not tried (${why})`);
        continue;
      }
      say(`no Chromium found; trying ${installer.name}`);
      if (!installer.run()) {
        attempts.push(`${installer.name}: failed`);
        continue;
      }
      const after = findChromium(host);
      for (const note of after.notes) if (!first.notes.includes(note)) say(note);
      if (after.found) return { found: after.found, installedBy: installer.name };
      attempts.push(`${installer.name}: succeeded, but no Chromium is at the places looked at`);
    }
  }
  const looked = options.pretendNone ? first.looked : findChromium(host).looked;
  const message = [
    'lrscope e2e: no Chromium, Chrome or Edge for the end-to-end tests, and none could be installed.',
    `  ${installAdvice(host.platform, options.isDebian)}`,
    ...attempts.map((a) => `  - ${a}`),
    `  Looked at: ${looked.join(', ')}`,
  ].join('\n');
  return { found: null, message };
}
