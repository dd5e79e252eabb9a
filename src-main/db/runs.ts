// SQL for runs and their tags. Every statement is prepared once per database and bound.
import type { MetricRole, MetricSummary, RunDetail, RunSummary, ScheduleRef } from '../../src-shared/api/types';
import type { Db } from './database';
import { pointChunks } from './points';

interface RunRow {
  id: number;
  name: string;
  notes: string;
  source_path: string | null;
  source_format: string | null;
  params_json: string;
  created_at: string;
  updated_at: string;
  schedule_id: number | null;
  schedule_name: string | null;
  schedule_kind: string | null;
  schedule_spec: string | null;
}

interface MetricRow {
  id: number;
  run_id: number;
  name: string;
  role: MetricRole;
  point_count: number;
  step_min: number | null;
  step_max: number | null;
  nan_count: number;
  /** NULL: imported before infinities were counted; counted on first read. */
  inf_count: number | null;
}

const RUN_COLUMNS = `r.id, r.name, r.notes, r.source_path, r.source_format, r.params_json, r.created_at, r.updated_at,
  s.id AS schedule_id, s.name AS schedule_name, s.kind AS schedule_kind, s.spec_json AS schedule_spec
  FROM runs r LEFT JOIN run_schedules rs ON rs.run_id = r.id LEFT JOIN schedules s ON s.id = rs.schedule_id`;

export function runStatements(db: Db) {
  return {
    db,
    all: db.prepare<[], RunRow>(`SELECT ${RUN_COLUMNS} ORDER BY r.created_at DESC, r.id DESC`),
    one: db.prepare<[number], RunRow>(`SELECT ${RUN_COLUMNS} WHERE r.id = ?`),
    allTags: db.prepare<[], { run_id: number; tag: string }>('SELECT run_id, tag FROM run_tags ORDER BY tag'),
    tags: db.prepare<[number], { tag: string }>('SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag'),
    allMetrics: db.prepare<[], MetricRow>('SELECT * FROM metrics ORDER BY run_id, name'),
    metrics: db.prepare<[number], MetricRow>('SELECT * FROM metrics WHERE run_id = ? ORDER BY name'),
    resumes: db.prepare<[number], { step: number }>('SELECT step FROM run_resumes WHERE run_id = ? ORDER BY step'),
    insert: db.prepare<[string], { id: number }>('INSERT INTO runs (name) VALUES (?) RETURNING id'),
    rename: db.prepare<[string, number]>(
      "UPDATE runs SET name = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    ),
    setNotes: db.prepare<[string, number]>(
      "UPDATE runs SET notes = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    ),
    delete: db.prepare<[number]>('DELETE FROM runs WHERE id = ?'),
    clearTags: db.prepare<[number]>('DELETE FROM run_tags WHERE run_id = ?'),
    addTag: db.prepare<[number, string]>('INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)'),
    metricId: db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?'),
    setInfCount: db.prepare<[number, number]>('UPDATE metrics SET inf_count = ? WHERE id = ?'),
    touch: db.prepare<[number]>("UPDATE runs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
  };
}

export type RunStatements = ReturnType<typeof runStatements>;

function scheduleRef(row: RunRow): ScheduleRef | null {
  return row.schedule_id === null ? null : { id: row.schedule_id, name: row.schedule_name!, kind: row.schedule_kind! };
}

function metricSummary(m: MetricRow & { inf_count: number }): MetricSummary {
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    pointCount: m.point_count,
    stepMin: m.step_min,
    stepMax: m.step_max,
    nanCount: m.nan_count,
    infCount: m.inf_count,
  };
}

export function listRuns(st: RunStatements): RunSummary[] {
  const tags = groupBy(st.allTags.all(), (t) => t.run_id);
  const metrics = groupBy(st.allMetrics.all(), (m) => m.run_id);
  return st.all.all().map((row) => ({
    id: row.id,
    name: row.name,
    tags: (tags.get(row.id) ?? []).map((t) => t.tag),
    schedule: scheduleRef(row),
    metrics: (metrics.get(row.id) ?? []).map((m) => ({ name: m.name, role: m.role, pointCount: m.point_count })),
    sourceFormat: row.source_format,
    sourcePath: row.source_path,
    createdAt: row.created_at,
    params: JSON.parse(row.params_json) as Record<string, string>,
  }));
}

/** A run as stored: its attached schedule's spec still the stored JSON (the service reads it). */
export type StoredRun = Omit<RunDetail, 'schedule'> & { schedule: (ScheduleRef & { specJson: string }) | null };

export function getRun(st: RunStatements, id: number): StoredRun | undefined {
  const row = st.one.get(id);
  if (!row) return undefined;
  const ref = scheduleRef(row);
  return {
    id: row.id,
    name: row.name,
    notes: row.notes,
    tags: st.tags.all(id).map((t) => t.tag),
    schedule: ref && { ...ref, specJson: row.schedule_spec! },
    metrics: st.metrics.all(id).map((m) => metricSummary(withInfCount(st, m))),
    resumes: st.resumes.all(id),
    sourceFormat: row.source_format,
    sourcePath: row.source_path,
    params: JSON.parse(row.params_json) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A metric imported by a version that did not count infinities: counted now, from every point, once. */
function withInfCount(st: RunStatements, m: MetricRow): MetricRow & { inf_count: number } {
  if (m.inf_count !== null) return { ...m, inf_count: m.inf_count };
  let infs = 0;
  for (const { vals, count } of pointChunks(st.db, m.id)) {
    for (let i = 0; i < count; i++) if (vals[i] === Infinity || vals[i] === -Infinity) infs++;
  }
  st.setInfCount.run(infs, m.id);
  return { ...m, inf_count: infs };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
