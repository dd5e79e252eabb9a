-- index comparison_runs_by_run
CREATE INDEX comparison_runs_by_run ON comparison_runs(run_id);

-- index run_schedules_by_schedule
CREATE INDEX run_schedules_by_schedule ON run_schedules(schedule_id);

-- index run_tags_by_tag
CREATE INDEX run_tags_by_tag ON run_tags(tag);

-- index watched_runs_by_run
CREATE INDEX watched_runs_by_run ON watched_runs(run_id);

-- table comparison_runs
CREATE TABLE comparison_runs (
  comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (comparison_id, run_id)
) WITHOUT ROWID;

-- table comparisons
CREATE TABLE comparisons (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  settings_json TEXT NOT NULL DEFAULT '{}',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- table metric_chunk_fine_summaries
CREATE TABLE "metric_chunk_fine_summaries" (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
);

-- table metric_chunk_stats
CREATE TABLE metric_chunk_stats (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  stats     BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

-- table metric_chunk_summaries
CREATE TABLE metric_chunk_summaries (
  metric_id  INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  step_first REAL NOT NULL,
  step_last  REAL NOT NULL,
  count      INTEGER NOT NULL,
  entries    BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

-- table metric_chunk_wide_summaries
CREATE TABLE metric_chunk_wide_summaries (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

-- table metric_chunks
CREATE TABLE "metric_chunks" (
  metric_id  INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  step_first REAL NOT NULL,
  step_last  REAL NOT NULL,
  count      INTEGER NOT NULL,
  steps      BLOB NOT NULL,
  vals       BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq)
);

-- table metrics
CREATE TABLE "metrics" (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('loss', 'lr', 'epoch', 'other', 'clock')),
  point_count INTEGER NOT NULL DEFAULT 0,
  step_min    REAL,
  step_max    REAL,
  nan_count   INTEGER NOT NULL DEFAULT 0, inf_count INTEGER,
  UNIQUE (run_id, name)
);

-- table run_resumes
CREATE TABLE run_resumes (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step   REAL NOT NULL,
  PRIMARY KEY (run_id, step)
) WITHOUT ROWID;

-- table run_schedules
CREATE TABLE run_schedules (
  run_id      INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE RESTRICT
);

-- table run_tags
CREATE TABLE run_tags (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (run_id, tag)
) WITHOUT ROWID;

-- table runs
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

-- table schedules
CREATE TABLE schedules (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL,
  spec_version INTEGER NOT NULL,
  spec_json    TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- table view_settings
CREATE TABLE view_settings (
  view          TEXT PRIMARY KEY,
  settings_json TEXT NOT NULL DEFAULT '{}',
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- table watched_files
CREATE TABLE watched_files (
  watched_run_id INTEGER NOT NULL REFERENCES watched_runs(id) ON DELETE CASCADE,
  path           TEXT NOT NULL,
  inode          TEXT NOT NULL DEFAULT '',
  offset         INTEGER NOT NULL DEFAULT 0,
  records        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (watched_run_id, path)
) WITHOUT ROWID;

-- table watched_folders
CREATE TABLE watched_folders (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- table watched_runs
CREATE TABLE watched_runs (
  id          INTEGER PRIMARY KEY,
  folder_id   INTEGER NOT NULL REFERENCES watched_folders(id) ON DELETE CASCADE,
  source_path TEXT NOT NULL,
  format      TEXT NOT NULL,
  run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  state_json  TEXT NOT NULL DEFAULT '{}',
  changed_at  TEXT,
  UNIQUE (folder_id, source_path)
);
