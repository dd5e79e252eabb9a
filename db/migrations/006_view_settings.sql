-- What each view remembers (the metric grid's filter, pins, axis and size; the theme), as JSON per
-- view, so the settings survive a restart and are the same in the Electron window and browser mode.
CREATE TABLE view_settings (
  view          TEXT PRIMARY KEY,
  settings_json TEXT NOT NULL DEFAULT '{}',
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
