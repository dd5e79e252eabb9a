import type { AppInfo } from '../../src-shared/api/types';
import { openDatabase, type Db, type OpenOptions } from '../db/database';
import { ComparisonService } from './comparisons';
import { ImportService } from './imports';
import { RunService } from './runs';
import { SeriesService } from './series';
import { ScheduleService } from './schedules';
import { appVersion } from './version';
import { ViewSettingsService } from './view-settings';

/** Everything the API handlers, the CLI and the importers share: one database, its services. */
export interface Services {
  db: Db;
  info: AppInfo;
  runs: RunService;
  schedules: ScheduleService;
  comparisons: ComparisonService;
  imports: ImportService;
  series: SeriesService;
  viewSettings: ViewSettingsService;
  close(): void;
}

export function openServices(file: string, shell: AppInfo['shell'], options: OpenOptions = {}): Services {
  const { db, schemaVersion, path } = openDatabase(file, options);
  const runs = new RunService(db);
  return {
    db,
    info: { name: 'lrscope', version: appVersion(), databasePath: path, schemaVersion, shell },
    runs,
    schedules: new ScheduleService(db, runs),
    comparisons: new ComparisonService(db, runs),
    imports: new ImportService(db),
    series: new SeriesService(db, runs),
    viewSettings: new ViewSettingsService(db),
    close: () => db.close(),
  };
}
