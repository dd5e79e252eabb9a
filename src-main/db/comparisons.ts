// SQL for saved comparisons.
import type { ComparisonDetail, ComparisonSettings, ComparisonSummary } from '../../src-shared/api/types';
import type { Db } from './database';

interface ComparisonRow {
  id: number;
  name: string;
  settings_json: string;
  updated_at: string;
  run_count: number;
}

export function comparisonStatements(db: Db) {
  return {
    all: db.prepare<[], ComparisonRow>(
      `SELECT c.id, c.name, c.settings_json, c.updated_at,
        (SELECT count(*) FROM comparison_runs cr WHERE cr.comparison_id = c.id) AS run_count
       FROM comparisons c ORDER BY c.updated_at DESC, c.id DESC`,
    ),
    one: db.prepare<[number], ComparisonRow>(
      `SELECT c.id, c.name, c.settings_json, c.updated_at,
        (SELECT count(*) FROM comparison_runs cr WHERE cr.comparison_id = c.id) AS run_count
       FROM comparisons c WHERE c.id = ?`,
    ),
    byName: db.prepare<[string], { id: number }>('SELECT id FROM comparisons WHERE name = ?'),
    runIds: db.prepare<[number], { run_id: number }>('SELECT run_id FROM comparison_runs WHERE comparison_id = ? ORDER BY position'),
    insert: db.prepare<[string, string], { id: number }>('INSERT INTO comparisons (name, settings_json) VALUES (?, ?) RETURNING id'),
    update: db.prepare<[string, string, number]>(
      "UPDATE comparisons SET name = ?, settings_json = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    ),
    clearRuns: db.prepare<[number]>('DELETE FROM comparison_runs WHERE comparison_id = ?'),
    addRun: db.prepare<[number, number, number]>('INSERT INTO comparison_runs (comparison_id, run_id, position) VALUES (?, ?, ?)'),
    delete: db.prepare<[number]>('DELETE FROM comparisons WHERE id = ?'),
  };
}

export type ComparisonStatements = ReturnType<typeof comparisonStatements>;

function summary(row: ComparisonRow): ComparisonSummary {
  return { id: row.id, name: row.name, runCount: row.run_count, updatedAt: row.updated_at };
}

export function listComparisons(st: ComparisonStatements): ComparisonSummary[] {
  return st.all.all().map(summary);
}

export function getComparison(st: ComparisonStatements, id: number): ComparisonDetail | undefined {
  const row = st.one.get(id);
  if (!row) return undefined;
  return {
    ...summary(row),
    runIds: st.runIds.all(id).map((r) => r.run_id),
    settings: JSON.parse(row.settings_json) as ComparisonSettings,
  };
}
