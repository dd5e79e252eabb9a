-- Saved comparisons: a named set of runs with the view's settings (alignment, metric, smoothing…)
-- as JSON, so later versions can add settings without a migration.
CREATE TABLE comparisons (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  settings_json TEXT NOT NULL DEFAULT '{}',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- position keeps the user's order (it decides each run's colour); a deleted run leaves the set.
CREATE TABLE comparison_runs (
  comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (comparison_id, run_id)
) WITHOUT ROWID;
CREATE INDEX comparison_runs_by_run ON comparison_runs(run_id);
