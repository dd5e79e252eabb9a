// The points of a run's charted metrics over the visible step range. Zooming fetches again at the
// new range through the series query, so a million-point run shows its real points up close.
import type { Series } from '../../src-shared/api/import-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail } from '../../src-shared/api/types';
import { apiWith } from '../lib/api';
import { Loader } from '../lib/loader.svelte';

export interface Range {
  from: number;
  to: number;
}

/** About two points per pixel of a wide chart: as many as a screen can show. */
export const POINT_BUDGET = 2400;

interface Shown {
  series: Record<string, Series>;
  range: Range | null;
}

const NOTHING: Shown = { series: {}, range: null };

export class RunSeries {
  /** The latest zoom or selection wins; the points shown stay up while the next ones load. */
  private readonly points: Loader<{ metrics: readonly string[]; range: Range | null }, Shown>;

  constructor(runId: () => number) {
    this.points = new Loader(async ({ metrics, range }, signal) => {
      const api = apiWith(signal);
      const fetched = await Promise.all(
        metrics.map((metric) =>
          api['series.get']({ runId: runId(), metric, maxPoints: POINT_BUDGET, ...(range ? { from: range.from, to: range.to } : {}) }),
        ),
      );
      return { series: Object.fromEntries(metrics.map((m, i) => [m, seriesFromJson(fetched[i]!)])), range };
    });
  }

  /** Replaced whole on every fetch: the arrays are large and never mutated in place. */
  get series(): Record<string, Series> {
    return (this.points.value ?? NOTHING).series;
  }
  get range(): Range | null {
    return (this.points.value ?? NOTHING).range;
  }
  get loading(): boolean {
    return this.points.loading;
  }
  get error(): string | null {
    return this.points.error;
  }

  /** The run's full step range over the given metrics. */
  static fullRange(run: RunDetail, metrics: readonly string[]): Range | null {
    const chosen = run.metrics.filter((m) => metrics.includes(m.name) && m.stepMin !== null && m.stepMax !== null);
    if (chosen.length === 0) return null;
    return { from: Math.min(...chosen.map((m) => m.stepMin!)), to: Math.max(...chosen.map((m) => m.stepMax!)) };
  }

  async load(metrics: readonly string[], range: Range | null): Promise<void> {
    await this.points.load({ metrics, range });
  }

  /** The view is closing: an answer still on its way is dropped. */
  cancel(): void {
    this.points.cancel();
  }
}
