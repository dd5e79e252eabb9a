import type { SeriesJson, SeriesQuery } from '../../src-shared/api/import-types';
import { seriesToJson } from '../../src-shared/api/series-json';
import type { SeriesStats } from '../../src-shared/api/types';
import type { Db } from '../db/database';
import { querySeries } from '../db/points';
import { metricStats, type StatsQuery } from '../db/points-stats';
import type { RunService } from './runs';

export class SeriesService {
  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
  ) {}

  /** A metric's points over a step range, thinned to the budget with min/max kept. */
  get(runId: number, metric: string, query: SeriesQuery): SeriesJson {
    return seriesToJson(querySeries(this.db, this.runs.metricId(runId, metric), query));
  }

  /** Final, minimum, area and NaN figures from every point of the metric, not from thinned buckets. */
  stats(runId: number, metric: string, query: StatsQuery): SeriesStats {
    return metricStats(this.db, this.runs.metricId(runId, metric), query);
  }
}
