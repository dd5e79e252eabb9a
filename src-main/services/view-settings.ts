import { viewSettingsStatements, type ViewSettingsStatements } from '../db/view-settings';
import type { Db } from '../db/database';

export type ViewSettings = Record<string, unknown>;

/** What each view remembers; {} for a view that has saved nothing yet. */
export class ViewSettingsService {
  private readonly st: ViewSettingsStatements;

  constructor(db: Db) {
    this.st = viewSettingsStatements(db);
  }

  get(view: string): { view: string; settings: ViewSettings } {
    const row = this.st.get.get(view);
    return { view, settings: row ? (JSON.parse(row.settings_json) as ViewSettings) : {} };
  }

  save(view: string, settings: ViewSettings): { view: string; settings: ViewSettings } {
    this.st.put.run(view, JSON.stringify(settings));
    return this.get(view);
  }
}
