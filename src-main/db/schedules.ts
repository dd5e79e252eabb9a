// SQL for the schedule library and the run–schedule link.
import type { ScheduleDetail, ScheduleSummary } from '../../src-shared/api/types';
import type { Db } from './database';

interface ScheduleRow {
  id: number;
  name: string;
  kind: string;
  spec_version: number;
  spec_json: string;
  updated_at: string;
  run_count: number;
}

const SCHEDULE_COLUMNS = `s.id, s.name, s.kind, s.spec_version, s.spec_json, s.updated_at,
  (SELECT count(*) FROM run_schedules rs WHERE rs.schedule_id = s.id) AS run_count FROM schedules s`;

export function scheduleStatements(db: Db) {
  return {
    all: db.prepare<[], ScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} ORDER BY s.name COLLATE NOCASE`),
    one: db.prepare<[number], ScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} WHERE s.id = ?`),
    byName: db.prepare<[string], { id: number }>('SELECT id FROM schedules WHERE name = ?'),
    runIds: db.prepare<[number], { run_id: number }>('SELECT run_id FROM run_schedules WHERE schedule_id = ? ORDER BY run_id'),
    insert: db.prepare<[string, string, number, string], { id: number }>(
      'INSERT INTO schedules (name, kind, spec_version, spec_json) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    update: db.prepare<[string, string, number, string, number]>(
      "UPDATE schedules SET name = ?, kind = ?, spec_version = ?, spec_json = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    ),
    delete: db.prepare<[number]>('DELETE FROM schedules WHERE id = ?'),
    detachAll: db.prepare<[number]>('DELETE FROM run_schedules WHERE schedule_id = ?'),
    attach: db.prepare<[number, number]>(
      'INSERT INTO run_schedules (run_id, schedule_id) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET schedule_id = excluded.schedule_id',
    ),
    detach: db.prepare<[number]>('DELETE FROM run_schedules WHERE run_id = ?'),
  };
}

export type ScheduleStatements = ReturnType<typeof scheduleStatements>;

function summary(row: ScheduleRow): ScheduleSummary {
  return { id: row.id, name: row.name, kind: row.kind, runCount: row.run_count, updatedAt: row.updated_at };
}

export function listSchedules(st: ScheduleStatements): ScheduleSummary[] {
  return st.all.all().map(summary);
}

export function getSchedule(st: ScheduleStatements, id: number): ScheduleDetail | undefined {
  const row = st.one.get(id);
  if (!row) return undefined;
  return {
    ...summary(row),
    spec: JSON.parse(row.spec_json) as Record<string, unknown>,
    specVersion: row.spec_version,
    runIds: st.runIds.all(id).map((r) => r.run_id),
  };
}
