import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout (or packaged app) root: the nearest folder above this file with a package.json. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('lrscope: cannot find the application folder (no package.json above the code)');
    dir = up;
  }
  return dir;
}

export function migrationsDir(): string {
  return join(appRoot(), 'db', 'migrations');
}
