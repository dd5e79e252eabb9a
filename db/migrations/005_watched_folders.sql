-- Watched log folders (`lrscope serve --logdir DIR`, "Watch folder…"): every run found under
-- one is imported and then followed as its files grow.
CREATE TABLE watched_folders (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One followed run: its source (a log file, a folder of event files, an MLflow run folder), the
-- run it feeds, and the reader's state between reads (CSV header and row count, JSON step key,
-- TensorBoard plugin names…) as JSON. run_id NULL: the user deleted the run, it stays deleted.
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
CREATE INDEX watched_runs_by_run ON watched_runs(run_id);

-- Per file: how far it was read (the byte just after the last complete line or record), and
-- which file that was (inode, so a replaced file is noticed). Written in the same transaction as
-- the points read, so a restart neither loses nor repeats any.
CREATE TABLE watched_files (
  watched_run_id INTEGER NOT NULL REFERENCES watched_runs(id) ON DELETE CASCADE,
  path           TEXT NOT NULL,
  inode          TEXT NOT NULL DEFAULT '',
  offset         INTEGER NOT NULL DEFAULT 0,
  records        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (watched_run_id, path)
) WITHOUT ROWID;
