import type { SeriesJson, SeriesQuery } from '../../src-shared/api/import-types';
import { seriesToJson } from '../../src-shared/api/series-json';
import type { Db } from '../db/database';
import { querySeries } from '../db/points';
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
}
