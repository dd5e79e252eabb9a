import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The parts of the machine the user-data folder depends on (a parameter so each platform is tested). */
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const thisMachine = (): Machine => ({ platform: process.platform, env: process.env, home: homedir() });

/**
 * The same folder Electron's app.getPath('userData') gives for an app named lrscope: %APPDATA%
 * on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere
 * (Electron's docs, app.getPath('appData')).
 */
export function userDataDir(machine: Machine = thisMachine()): string {
  const { platform, env, home } = machine;
  if (env.LRSCOPE_USER_DATA) return env.LRSCOPE_USER_DATA;
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'lrscope');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'lrscope');
  return posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), 'lrscope');
}

/** Where the database lives: --db, else $LRSCOPE_DB, else the user-data folder. */
export function databasePath(flag?: string, machine: Machine = thisMachine()): string {
  if (flag) return flag;
  if (machine.env.LRSCOPE_DB) return machine.env.LRSCOPE_DB;
  const join = machine.platform === 'win32' ? win32.join : posix.join;
  return join(userDataDir(machine), 'lrscope.sqlite');
}
