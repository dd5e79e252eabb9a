import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataSteps } from './migrate-data';
import { migrationsDir } from './paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration ${file}: name must look like NNN_name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version}_${m.name}: expected number ${i + 1}, migrations must be consecutive`);
  });
  return migrations;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `${file} was written by a newer lrscope (database schema version ${databaseVersion}; ` +
        `this lrscope knows schema versions up to ${codeVersion}). Upgrade lrscope to open it; nothing in the file was changed.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * Brings the database to the latest schema. Each migration (its SQL, then its data step if it has
 * one) runs in its own transaction together with `PRAGMA user_version`, so a failing migration
 * leaves the previous version intact.
 */
export function migrate(db: Database.Database, file: string, migrations = loadMigrations(), steps = dataSteps): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new SchemaTooNewError(file, current, latest);
  // A migration may rebuild a table (009 does): with foreign keys on, dropping the old table would
  // cascade to its children. SQLite's own recipe: keys off outside the transaction, then a
  // foreign_key_check inside it before the commit (sqlite.org/lang_altertable.html).
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (current < latest) db.pragma('foreign_keys = OFF');
  try {
    for (const m of migrations.slice(current)) {
      db.transaction(() => {
        db.exec(m.sql);
        steps[m.version]?.(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.version}_${m.name}: leaves ${broken.length} rows pointing at nothing (${JSON.stringify(broken[0])})`);
        // PRAGMA takes no bound parameters; the version is an integer we parsed from the file name.
        db.pragma(`user_version = ${Math.trunc(m.version)}`);
      })();
    }
  } finally {
    if (foreignKeys && current < latest) db.pragma('foreign_keys = ON');
  }
  return latest;
}
