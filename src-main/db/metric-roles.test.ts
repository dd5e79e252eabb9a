// The database's CHECK on metrics.role lists the contract's roles (METRIC_ROLES), read from the
// schema a fresh database ends up with after every migration: a role added to the list needs a
// migration that widens the CHECK, and this test says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { METRIC_ROLES } from '../../src-shared/api/types';
import { openDatabase } from './database';

it("the metrics table's CHECK allows exactly METRIC_ROLES", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-roles-'));
  const { db } = openDatabase(join(dir, 'lrscope.sqlite'));
  try {
    const { sql } = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'metrics'").get()!;
    const check = /CHECK\s*\(\s*role\s+IN\s*\(([^)]*)\)\s*\)/i.exec(sql);
    expect(check, 'metrics.role has a CHECK (role IN (…))').not.toBeNull();
    const allowed = [...check![1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(allowed).toEqual([...METRIC_ROLES]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
