// The stored points at the cursor's step, for the readout. Where the fetched series hold every
// point (exact) they answer at once; otherwise one small `series.at` request reads the store. One
// request at a time: while it runs, a moving cursor only updates the step to read next, so a
// sweep across the chart costs a few requests, and what is shown is always one step's snapshot.
import { fromJsonNumber } from '../../src-shared/api/series-json';
import type { Series } from '../../src-shared/api/import-types';
import { api, errorMessage } from '../lib/api';
import { localPoints, pointsOf, type PointsAt } from './cursor-readout';

interface Ask {
  step: number;
  names: string[];
}

export class CursorPoints {
  /** The step the points are for, and the points: always read together. */
  shown = $state.raw<{ step: number; points: PointsAt } | null>(null);
  /** A newer step is being read. */
  busy = $state(false);
  error = $state<string | null>(null);
  private next: Ask | null = null;
  private running = false;
  /** Bumped by every request: an answer from the store is dropped if a newer local answer was shown. */
  private generation = 0;

  constructor(private readonly runId: () => number) {}

  request(step: number | null, names: string[], series: Record<string, Series | undefined>, range: { from: number; to: number } | null): void {
    this.generation++;
    if (step === null) {
      // The cursor left the chart: the last step's values stay (the user may be on their way to Copy).
      this.next = null;
      this.busy = this.running;
      return;
    }
    const local = names.length ? localPoints(step, names, series, range) : pointsOf([]);
    if (local) {
      this.next = null;
      this.shown = { step, points: local };
      this.busy = this.running;
      return;
    }
    this.next = { step, names };
    this.busy = true;
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next) {
      const ask = this.next;
      this.next = null;
      const generation = this.generation;
      try {
        const got = await api['series.at']({ runId: this.runId(), metrics: ask.names, step: ask.step });
        const points = pointsOf(got.map((p) => [p.metric, p.step === null || p.value === null ? null : { step: p.step, value: fromJsonNumber(p.value) }]));
        // A local answer given meanwhile is newer than this one.
        if (this.next || generation === this.generation) this.shown = { step: ask.step, points };
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      }
    }
    this.running = false;
    this.busy = false;
  }
}
