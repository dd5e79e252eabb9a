// The compare view's readout: each run's stored value of the compared metric at the last of its
// own steps at or before the cursor's x (the x may be an epoch or a % of training), read from the
// store (`series.at`), never from the drawn (thinned, smoothed) line. One batch of small requests
// at a time; a moving cursor only updates what to read next.
import { fromJsonNumber } from '../../src-shared/api/series-json';
import { api, errorMessage } from '../lib/api';
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
  busy = $state(false);
  error = $state<string | null>(null);
  private next: Ask | null = null;
  private running = false;

  request(x: number | null, metric: string, runs: Omit<RunAtCursor, 'point'>[]): void {
    if (x === null) {
      // The cursor left: the last values stay on screen.
      this.next = null;
      return;
    }
    this.next = { x, metric, runs };
    this.busy = true;
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next) {
      const ask = this.next;
      this.next = null;
      try {
        const rows = await Promise.all(ask.runs.map(async (r): Promise<RunAtCursor> => {
          if (r.step === null) return { ...r, point: null };
          const [p] = await api['series.at']({ runId: r.id, metrics: [ask.metric], step: r.step });
          return { ...r, point: p && p.step !== null && p.value !== null ? { step: p.step, value: fromJsonNumber(p.value) } : null };
        }));
        this.shown = { x: ask.x, rows };
        this.error = null;
      } catch (err) {
        this.error = errorMessage(err);
      }
    }
    this.running = false;
    this.busy = false;
  }
}
