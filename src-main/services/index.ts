import type { AppInfo } from '../../src-shared/api/types';
import type { Db, OpenOptions } from '../db/database';
import { appInfo, openAppDatabase } from './app-database';
import { ComparisonService } from './comparisons';
import { ImportService } from './imports';
import { RestartService } from './restarts';
import { RunService } from './runs';
import { SeriesService } from './series';
import { ScheduleService } from './schedules';
import { ScheduleIntelService } from './schedule-intel';
import { WatchService } from '../watch/service';
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
  intel: ScheduleIntelService;
  restarts: RestartService;
  /** Watched log folders; followed only once a shell calls `watch.start()`. */
  watch: WatchService;
  viewSettings: ViewSettingsService;
  close(): void;
}

export function openServices(file: string, shell: AppInfo['shell'], options: OpenOptions = {}): Services {
  const opened = openAppDatabase(file, options);
  const { db } = opened;
  const runs = new RunService(db);
  const schedules = new ScheduleService(db, runs);
  const watch = new WatchService(db);
  return {
    db,
    info: appInfo(opened, shell),
    runs,
    schedules,
    comparisons: new ComparisonService(db, runs),
    imports: new ImportService(db),
    series: new SeriesService(db, runs),
    viewSettings: new ViewSettingsService(db),
    intel: new ScheduleIntelService(db, runs),
    restarts: new RestartService(db, runs),
    watch,
    close: () => {
      void watch.close();
      db.close();
    },
  };
}
