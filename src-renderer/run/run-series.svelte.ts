// The points of a run's charted metrics over the visible step range. Zooming fetches again at the
// new range through the series query, so a million-point run shows its real points up close.
import type { Series } from '../../src-shared/api/series-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';

export interface Range {
  from: number;
  to: number;
}

/** About two points per pixel of a wide chart: as many as a screen can show. */
export const POINT_BUDGET = 2400;

export class RunSeries {
  /** Replaced whole on every fetch ($state.raw): the arrays are large and never mutated in place. */
  series = $state.raw<Record<string, Series>>({});
  range = $state<Range | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  private request = 0;

  constructor(private readonly runId: number) {}

  /** The run's full step range over the given metrics. */
  static fullRange(run: RunDetail, metrics: readonly string[]): Range | null {
    const chosen = run.metrics.filter((m) => metrics.includes(m.name) && m.stepMin !== null && m.stepMax !== null);
    if (chosen.length === 0) return null;
    return { from: Math.min(...chosen.map((m) => m.stepMin!)), to: Math.max(...chosen.map((m) => m.stepMax!)) };
  }

  async load(metrics: readonly string[], range: Range | null): Promise<void> {
    const id = ++this.request;
    this.loading = true;
    try {
      const fetched = await Promise.all(
        metrics.map((metric) =>
          api['series.get']({ runId: this.runId, metric, maxPoints: POINT_BUDGET, ...(range ? { from: range.from, to: range.to } : {}) }),
        ),
      );
      if (id !== this.request) return; // a newer zoom or selection won
      this.series = Object.fromEntries(metrics.map((m, i) => [m, seriesFromJson(fetched[i]!)]));
      this.range = range;
      this.error = null;
    } catch (err) {
      if (id === this.request) this.error = errorMessage(err);
    } finally {
      if (id === this.request) this.loading = false;
    }
  }
}
