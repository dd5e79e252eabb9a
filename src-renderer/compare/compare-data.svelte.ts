// What the compare view fetches: each run's detail (its schedule's spec parsed with it), then the
// compared metric, the logged learning rate and the epoch of every run (thinned, server side), then
// the summary figures (series.stats, from every point). Charts come first; the figures follow, so a
// slow full-data scan never holds the charts back. Each is one loader: the latest request wins.
import type { Series } from '../../src-shared/api/series-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail, SeriesStats } from '../../src-shared/api/types';
import { apiWith } from '../lib/api';
import { Loader } from '../lib/loader.svelte';
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

interface PointsRequest {
  metric: string;
  runs: readonly RunDetail[];
  kept: Readonly<Record<number, RunPoints>>;
  zoom?: Record<number, StepRange>;
}

export class CompareData {
  private readonly runsLoader = new Loader((runIds: readonly number[], signal) => {
    const api = apiWith(signal);
    return Promise.all(runIds.map((id) => api['runs.get']({ id })));
  });
  private readonly pointsLoader = new Loader(fetchPoints);
  private readonly statsLoader = new Loader(({ metric, runs, requests }: { metric: string; runs: readonly RunDetail[]; requests: readonly StatsRequest[] }, signal) => {
    const api = apiWith(signal);
    return Promise.all(
      requests.map(({ runId, ...query }) =>
        runs.find((r) => r.id === runId)?.metrics.some((m) => m.name === metric) ? api['series.stats']({ runId, metric, ...query }) : Promise.resolve(null),
      ),
    ).then((results) => Object.fromEntries(requests.map((r, i) => [r.runId, results[i] ?? null])) as Record<number, SeriesStats | null>);
  });
  /** A saved comparison that could not be opened. */
  private openError = $state<string | null>(null);

  get runs(): RunDetail[] {
    return this.runsLoader.value ?? [];
  }
  /** Replaced whole on every fetch: large arrays, never mutated in place. */
  get points(): Record<number, RunPoints> {
    return this.pointsLoader.value ?? {};
  }
  get stats(): Record<number, SeriesStats | null> {
    return this.statsLoader.value ?? {};
  }
  /** Until the runs first arrive (a followed run's quiet re-read keeps the charts up). */
  get loadingRuns(): boolean {
    return this.runsLoader.value === undefined && this.runsLoader.error === null && this.openError === null;
  }
  get loadingPoints(): boolean {
    return this.pointsLoader.loading;
  }
  get error(): string | null {
    return this.openError ?? this.runsLoader.error ?? this.pointsLoader.error ?? this.statsLoader.error;
  }

  failedToOpen(message: string): void {
    this.openError = message;
  }

  async loadRuns(runIds: readonly number[]): Promise<void> {
    await this.runsLoader.load(runIds);
  }

  /**
   * The metric, logged lr and epoch of every run. With `zoom` (each run's steps under a zoomed x range), the metric and the lr are
   * read again over those steps only, so zooming in shows the real points; the epoch (which maps
   * steps to x) is kept whole.
   */
  async loadPoints(metric: string, zoom?: Record<number, StepRange>): Promise<boolean> {
    const got = await this.pointsLoader.load({ metric, runs: this.runs, kept: this.points, zoom });
    return got !== undefined;
  }

  async loadStats(metric: string, requests: readonly StatsRequest[]): Promise<void> {
    await this.statsLoader.load({ metric, runs: this.runs, requests });
  }

  /** The session is closing: answers still on their way are dropped. */
  cancel(): void {
    this.runsLoader.cancel();
    this.pointsLoader.cancel();
    this.statsLoader.cancel();
  }
}

async function fetchPoints({ metric, runs, kept, zoom }: PointsRequest, signal: AbortSignal): Promise<Record<number, RunPoints>> {
  const api = apiWith(signal);
  const budget = pointBudget(runs.length);
  const fetch = (run: RunDetail, name: string | null, range?: StepRange) =>
    name && run.metrics.some((m) => m.name === name)
      ? api['series.get']({ runId: run.id, metric: name, maxPoints: budget, ...range }).then(seriesFromJson)
      : Promise.resolve(null);
  const fetched = await Promise.all(
    runs.map(async (run) => {
      const range = zoom?.[run.id];
      const keptEpoch = zoom ? kept[run.id]?.epoch : undefined;
      const [loss, lr, epoch] = await Promise.all([
        fetch(run, metric, range),
        fetch(run, lrMetricOf(run), range),
        keptEpoch !== undefined ? keptEpoch : fetch(run, epochMetricOf(run)),
      ]);
      return [run.id, { loss, lr, epoch }] as const;
    }),
  );
  return Object.fromEntries(fetched);
}
