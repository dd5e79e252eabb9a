// The app's own opening of its database, shared by openServices and the CLI commands that need
// only the database (`lrscope import`, `lrscope info`): those then load neither the services nor
// what they bring (the schedule engine and zod, the watcher), which cost ~40 % of a CLI start
// (issue 15: whole-process start-up).
import type { AppInfo } from '../../src-shared/api/types';
import { openDatabase, type OpenOptions } from '../db/database';
import { appVersion } from './version';

export function openAppDatabase(file: string, options: OpenOptions = {}): ReturnType<typeof openDatabase> {
  const opened = openDatabase(file, { checkpointOnOpen: true, ...options });
  if (opened.walCheckpointedBytes > 0) {
    console.error(`lrscope: ${opened.path}: found ${(opened.walCheckpointedBytes / 1024 ** 2).toFixed(1)} MB of write-ahead log left behind (a process stopped mid-write); folded its committed part into the database and truncated it`);
  }
  return opened;
}

/** What the app says about itself (the API's info, `lrscope info`): one place for both. */
export function appInfo(opened: { path: string; schemaVersion: number }, shell: AppInfo['shell']): AppInfo {
  return { name: 'lrscope', version: appVersion(), databasePath: opened.path, schemaVersion: opened.schemaVersion, shell };
}

