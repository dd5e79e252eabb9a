// The points of one grid chart: its metric for each source, fetched only once the chart is on
// screen (a run with 60 metrics reads the few charts in view, not all 60), and again when the
// shared zoom changes. The latest request wins.
import { seriesFromJson } from '../../src-shared/api/series-json';
import { apiWith } from '../lib/api';
import { Loader } from '../lib/loader.svelte';
import type { FetchedLine, GridSource } from './grid-chart-model';

export interface StepRange {
  from: number;
  to: number;
}

export type CardState = 'waiting' | 'loading' | 'drawn' | 'error';

interface LinesRequest {
  metric: string;
  sources: readonly GridSource[];
  ranges: Readonly<Record<number, StepRange>> | null;
  maxPoints: number;
}

function readLines({ metric, sources, ranges, maxPoints }: LinesRequest, signal: AbortSignal): Promise<FetchedLine[]> {
  const api = apiWith(signal);
  return Promise.all(
    sources.map((source) => {
      const range = ranges?.[source.runId];
      return api['series.get']({ runId: source.runId, metric, maxPoints, ...(range ? { from: range.from, to: range.to } : {}) }).then((json) => ({
        source,
        series: seriesFromJson(json),
      }));
    }),
  );
}

export class CardData {
  private readonly loader = new Loader(readLines);
  private loadedKey = '';

  get lines(): FetchedLine[] {
    return this.loader.value ?? [];
  }
  get error(): string | null {
    return this.loader.error;
  }
  get state(): CardState {
    if (this.loader.loading) return 'loading';
    if (this.loader.error !== null) return 'error';
    return this.loader.value ? 'drawn' : 'waiting';
  }

  /**
   * Fetches unless exactly this was already fetched (scrolling back to a chart reads nothing).
   * `ranges`: each run's steps to read (a zoom), or null for every step.
   */
  async load(metric: string, sources: readonly GridSource[], ranges: Readonly<Record<number, StepRange>> | null, maxPoints: number): Promise<void> {
    const key = JSON.stringify([metric, sources.map((s) => [s.runId, ranges?.[s.runId] ?? null]), maxPoints]);
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    await this.loader.load({ metric, sources, ranges, maxPoints });
    if (this.loader.error !== null && this.loadedKey === key) this.loadedKey = ''; // read again next time
  }

  cancel(): void {
    this.loader.cancel();
    this.loadedKey = '';
  }
}

/** The index of the drawn point at or before `x` in increasing `xs`, or -1. */
export function indexAt(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0 || xs[0]! > x) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
