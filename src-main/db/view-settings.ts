// SQL for the settings each view remembers (one JSON object per view).
import type { Db } from './database';

export function viewSettingsStatements(db: Db) {
  return {
    get: db.prepare<[string], { settings_json: string }>('SELECT settings_json FROM view_settings WHERE view = ?'),
    put: db.prepare<[string, string]>(
      `INSERT INTO view_settings (view, settings_json) VALUES (?, ?)
       ON CONFLICT (view) DO UPDATE SET settings_json = excluded.settings_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ),
  };
}

export type ViewSettingsStatements = ReturnType<typeof viewSettingsStatements>;
