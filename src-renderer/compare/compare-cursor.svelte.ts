// The compare view's readout: each run's stored value of the compared metric at the last of its
// own steps at or before the cursor's x (the x may be an epoch or a % of training), read from the
// store (`series.at`), never from the drawn (thinned, smoothed) line. One batch of small requests
// at a time; a moving cursor only updates what to read next (lib/one-at-a-time).
import { fromJsonNumber } from '../../src-shared/api/series-json';
import { api } from '../lib/api';
import { OneAtATime } from '../lib/one-at-a-time.svelte';
import type { StoredPoint } from '../run/cursor-readout';

export interface RunAtCursor {
  id: number;
  name: string;
  color: string;
  /** The run's own step under the cursor; null left of its first step. */
  step: number | null;
  /** Its stored point at or before `step` (the step it was logged at, the value as logged). */
  point: StoredPoint | null;
}

interface Ask {
  x: number;
  metric: string;
  runs: Omit<RunAtCursor, 'point'>[];
}

export class CompareCursor {
  shown = $state.raw<{ x: number; rows: RunAtCursor[] } | null>(null);
  private readonly reads = new OneAtATime<Ask>((ask) => this.read(ask));

  get busy(): boolean {
    return this.reads.busy;
  }

  get error(): string | null {
    return this.reads.error;
  }

  request(x: number | null, metric: string, runs: Omit<RunAtCursor, 'point'>[]): void {
    // The cursor left: the last values stay on screen.
    if (x === null) this.reads.drop();
    else this.reads.ask({ x, metric, runs });
  }

  private async read(ask: Ask): Promise<void> {
    const rows = await Promise.all(ask.runs.map(async (r): Promise<RunAtCursor> => {
      if (r.step === null) return { ...r, point: null };
      const [p] = await api['series.at']({ runId: r.id, metrics: [ask.metric], step: r.step });
      return { ...r, point: p && p.step !== null && p.value !== null ? { step: p.step, value: fromJsonNumber(p.value) } : null };
    }));
    this.shown = { x: ask.x, rows };
  }
}
