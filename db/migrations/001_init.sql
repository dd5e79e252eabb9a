-- Runs, their tags, the schedule library, the run–schedule link, metrics and their points.
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  notes         TEXT NOT NULL DEFAULT '',
  source_path   TEXT,
  source_format TEXT,
  params_json   TEXT NOT NULL DEFAULT '{}',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;
CREATE INDEX run_tags_by_tag ON run_tags(tag);

-- spec_json holds the schedule as versioned JSON (spec_version), so that a later lrscope can
-- read an older definition and upgrade it.
CREATE TABLE schedules (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  spec_version INTEGER NOT NULL,
  spec_json    TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A run follows at most one schedule; a schedule may be attached to many runs.
-- RESTRICT: deleting a schedule in use must be an explicit choice (detach first).
CREATE TABLE run_schedules (
  run_id      INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE RESTRICT
);
CREATE INDEX run_schedules_by_schedule ON run_schedules(schedule_id);

CREATE TABLE metrics (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('loss', 'lr', 'epoch', 'other')),
  point_count INTEGER NOT NULL DEFAULT 0,
  step_min    REAL,
  step_max    REAL,
  nan_count   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, name)
);

-- Points are stored in chunks of consecutive steps (columnar Float64 blobs), not a row per
-- point: a row per point cannot import a million rows a second or answer a 10M-point range
-- query quickly. Only src-main/db/points.ts reads or writes this table.
CREATE TABLE metric_chunks (
  metric_id  INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  step_first REAL NOT NULL,
  step_last  REAL NOT NULL,
  count      INTEGER NOT NULL,
  steps      BLOB NOT NULL,
  vals       BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq)
) WITHOUT ROWID;

-- Where a log's step went backwards (a resume from a checkpoint).
CREATE TABLE run_resumes (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step   REAL NOT NULL,
  PRIMARY KEY (run_id, step)
) WITHOUT ROWID;
