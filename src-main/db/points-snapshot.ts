// For tests: the whole content of a database, to prove that a failed or cancelled import left
// it exactly as it was.
import type { Db } from './database';

/** Every row of every table (blobs as hex), and the schema version. */
export function snapshot(db: Db): string {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const dump: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }) };
  for (const { name } of tables) {
    // Table names come from sqlite_master, not from input; identifiers cannot be bound.
    const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][];
    dump[name] = rows.map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return JSON.stringify(dump);
}
