// What the compare view fetches: each run's detail and attached schedule, then the compared
// metric, the logged learning rate and the epoch of every run (thinned, server side), then the
// summary figures (series.stats, from every point). Charts come first; the figures follow, so a
// slow full-data scan never holds the charts back.
import type { Series } from '../../src-shared/api/import-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail, ScheduleDetail, SeriesStats } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';
import type { StepRange } from './align';

export interface RunPoints {
  loss: Series | null;
  lr: Series | null;
  epoch: Series | null;
}

export interface StatsRequest {
  runId: number;
  areaFrom?: number;
  areaTo?: number;
  at?: number[];
}

/** Points per run: about a screen's width for many runs, the whole of a short log for few. */
export function pointBudget(runCount: number): number {
  return Math.max(1200, Math.min(5000, Math.floor(24_000 / Math.max(1, runCount))));
}

export const lrMetricOf = (run: RunDetail) => run.metrics.find((m) => m.role === 'lr')?.name ?? null;
export const epochMetricOf = (run: RunDetail) => run.metrics.find((m) => m.role === 'epoch')?.name ?? null;

export class CompareData {
  runs = $state.raw<RunDetail[]>([]);
  schedules = $state.raw<Record<number, ScheduleDetail>>({});
  /** Replaced whole on every fetch ($state.raw): large arrays, never mutated in place. */
  points = $state.raw<Record<number, RunPoints>>({});
  stats = $state.raw<Record<number, SeriesStats | null>>({});
  loadingRuns = $state(true);
  loadingPoints = $state(false);
  error = $state<string | null>(null);
  private pointsRequest = 0;
  private statsRequest = 0;

  /** `quiet`: a followed run gained points; the charts stay up (and keep their zoom) while it loads. */
  async loadRuns(runIds: readonly number[], quiet = false): Promise<void> {
    if (!quiet) this.loadingRuns = true;
    try {
      const runs = await Promise.all(runIds.map((id) => api['runs.get']({ id })));
      const scheduleIds = runs.flatMap((r) => (r.schedule ? [r.schedule.id] : [])).filter((id, i, all) => all.indexOf(id) === i);
      const schedules = await Promise.all(scheduleIds.map((id) => api['schedules.get']({ id })));
      this.schedules = Object.fromEntries(schedules.map((s) => [s.id, s]));
      this.runs = runs;
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loadingRuns = false;
    }
  }

  /**
   * The metric, logged lr and epoch of every run. With `zoom` (each run's steps under a zoomed x range), the metric and the lr are
   * read again over those steps only, so zooming in shows the real points; the epoch (which maps
   * steps to x) is kept whole.
   */
  async loadPoints(metric: string, zoom?: Record<number, StepRange>): Promise<void> {
    const id = ++this.pointsRequest;
    this.loadingPoints = true;
    const budget = pointBudget(this.runs.length);
    const fetch = (run: RunDetail, name: string | null, range?: StepRange) =>
      name && run.metrics.some((m) => m.name === name)
        ? api['series.get']({ runId: run.id, metric: name, maxPoints: budget, ...range }).then(seriesFromJson)
        : Promise.resolve(null);
    try {
      const fetched = await Promise.all(
        this.runs.map(async (run) => {
          const range = zoom?.[run.id];
          const keptEpoch = zoom ? this.points[run.id]?.epoch : undefined;
          const [loss, lr, epoch] = await Promise.all([
            fetch(run, metric, range),
            fetch(run, lrMetricOf(run), range),
            keptEpoch !== undefined ? keptEpoch : fetch(run, epochMetricOf(run)),
          ]);
          return [run.id, { loss, lr, epoch }] as const;
        }),
      );
      if (id !== this.pointsRequest) return; // a newer metric won
      this.points = Object.fromEntries(fetched);
      this.error = null;
    } catch (err) {
      if (id === this.pointsRequest) this.error = errorMessage(err);
    } finally {
      if (id === this.pointsRequest) this.loadingPoints = false;
    }
  }

  async loadStats(metric: string, requests: readonly StatsRequest[]): Promise<void> {
    const id = ++this.statsRequest;
    try {
      const results = await Promise.all(
        requests.map(({ runId, ...query }) =>
          this.runs.find((r) => r.id === runId)?.metrics.some((m) => m.name === metric)
            ? api['series.stats']({ runId, metric, ...query })
            : Promise.resolve(null),
        ),
      );
      if (id !== this.statsRequest) return;
      this.stats = Object.fromEntries(requests.map((r, i) => [r.runId, results[i] ?? null]));
    } catch (err) {
      if (id === this.statsRequest) this.error = errorMessage(err);
    }
  }
}
