import type { SeriesJson, SeriesQuery } from '../../src-shared/api/series-types';
import { seriesToJson, toJsonNumber } from '../../src-shared/api/series-json';
import type { PointAt, SeriesStats } from '../../src-shared/api/types';
import type { Db } from '../db/database';
import { pointAtOrBefore, querySeries } from '../db/points';
import { metricStatsInSlices, type StatsQuery } from '../db/points-stats';
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

  /** Each metric's stored point at `step` or the last one before it, as logged (NaN included). */
  at(runId: number, metrics: readonly string[], step: number): PointAt[] {
    return metrics.map((metric) => {
      const p = pointAtOrBefore(this.db, this.runs.metricId(runId, metric), step);
      return { metric, step: p?.step ?? null, value: p ? toJsonNumber(p.value) : null };
    });
  }

  /**
   * Final, minimum, area and NaN figures from every point of the metric, not from thinned buckets;
   * computed in slices, so that other requests are served meanwhile.
   */
  stats(runId: number, metric: string, query: StatsQuery): Promise<SeriesStats> {
    return metricStatsInSlices(this.db, this.runs.metricId(runId, metric), query);
  }
}
