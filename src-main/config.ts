import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for an app named lrscope. */
export function userDataDir(): string {
  if (process.env.LRSCOPE_USER_DATA) return process.env.LRSCOPE_USER_DATA;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'lrscope');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'lrscope');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'lrscope');
}

/** Where the database lives: --db, else $LRSCOPE_DB, else the user-data folder. */
export function databasePath(flag?: string): string {
  return flag ?? process.env.LRSCOPE_DB ?? join(userDataDir(), 'lrscope.sqlite');
}
