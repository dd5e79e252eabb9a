// Shared by the import tests: fresh databases in temp folders, the samples folder, and a full
// snapshot of a database (to prove that a failed import changed nothing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database';
import { appRoot } from '../db/paths';

/** ../shared/samples beside the checkout: real logs written by the frameworks (never copied in). */
export const SAMPLES = join(appRoot(), '..', 'shared', 'samples');

export function sample(path: string): string {
  return join(SAMPLES, path);
}

export function tempFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-import-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freshDb(dir: string): Db {
  return openDatabase(join(dir, 'lrscope.sqlite')).db;
}

export { snapshot } from '../db/points-snapshot';
