// The stored points at the cursor's step, for the readout. Where the fetched series hold every
// point (exact) they answer at once; otherwise one small `series.at` request reads the store. One
// request at a time: while it runs, a moving cursor only updates the step to read next, so a
// sweep across the chart costs a few requests, and what is shown is always one step's snapshot
// (lib/one-at-a-time).
import { fromJsonNumber } from '../../src-shared/api/series-json';
import type { Series } from '../../src-shared/api/series-types';
import { api } from '../lib/api';
import { OneAtATime } from '../lib/one-at-a-time.svelte';
import { localPoints, pointsOf, type PointsAt } from './cursor-readout';

interface Ask {
  step: number;
  names: string[];
}

export class CursorPoints {
  /** The step the points are for, and the points: always read together. */
  shown = $state.raw<{ step: number; points: PointsAt } | null>(null);
  private readonly reads = new OneAtATime<Ask>((ask) => this.read(ask));
  /** Bumped by every request: an answer from the store is dropped if a newer local answer was shown. */
  private generation = 0;

  constructor(private readonly runId: () => number) {}

  /** A newer step is being read. */
  get busy(): boolean {
    return this.reads.busy;
  }

  get error(): string | null {
    return this.reads.error;
  }

  request(step: number | null, names: string[], series: Record<string, Series | undefined>, range: { from: number; to: number } | null): void {
    this.generation++;
    // The cursor left the chart: the last step's values stay (the user may be on their way to Copy).
    if (step === null) return this.reads.drop();
    const local = names.length ? localPoints(step, names, series, range) : pointsOf([]);
    if (!local) return this.reads.ask({ step, names });
    this.reads.drop();
    this.shown = { step, points: local };
  }

  private async read(ask: Ask): Promise<void> {
    const generation = this.generation;
    const got = await api['series.at']({ runId: this.runId(), metrics: ask.names, step: ask.step });
    const points = pointsOf(got.map((p) => [p.metric, p.step === null || p.value === null ? null : { step: p.step, value: fromJsonNumber(p.value) }]));
    // A local answer given meanwhile is newer than this one.
    if (this.reads.waiting || generation === this.generation) this.shown = { step: ask.step, points };
  }
}
