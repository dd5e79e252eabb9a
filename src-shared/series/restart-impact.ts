/**
 * Did a restart (or a drop) help? Computed in one pass over every stored point of the loss (the
 * Node side streams them in; never from the thinned chart points, so zoom cannot change it).
 * For each event, with `before` = N and the window = from the event to the next event (or the
 * end of the log):
 * - loss before: the mean of the last N finite points logged before the event;
 * - peak after: the highest smoothed loss in the window;
 * - recovered: the first step in the window where the smoothed loss is back at or below the
 *   loss before (null: not recovered before the window ends).
 * The smoothing is TensorBoard's debiased exponential moving average (see smoothing.ts), restarted
 * at each event so the points before it do not hold the curve down; non-finite points are left
 * out of it, and the first one in the window is reported (the run may have diverged there).
 */
export interface RestartImpact {
  step: number;
  /** Mean of the last `beforePoints` finite losses before the event; null when none was logged. */
  lossBefore: number | null;
  beforePoints: number;
  /** The highest smoothed loss in the window, and its step. */
  peak: { step: number; value: number } | null;
  /** First step in the window with the smoothed loss at or below lossBefore; null = not recovered. */
  recoveredAt: number | null;
  /** The window's end (the next event's step, excluded); null = the end of the log. */
  windowEnd: number | null;
  /** First NaN or ±Infinity loss in the window, if any. */
  nonFiniteAt: number | null;
}

export class RestartImpactScan {
  private readonly ring: Float64Array;
  private ringCount = 0;
  private ringAt = 0;
  private next = 0; // index of the first event not yet reached
  private current: RestartImpact | null = null;
  private ema = 0;
  private decay = 1;
  readonly rows: RestartImpact[] = [];

  /** `eventSteps` ascending; `before` ≥ 1 points; `smoothing` in [0, 1). */
  constructor(
    private readonly eventSteps: readonly number[],
    before: number,
    private readonly smoothing: number,
  ) {
    this.ring = new Float64Array(Math.max(1, Math.floor(before)));
  }

  /** Points in step order. */
  add(step: number, value: number): void {
    while (this.next < this.eventSteps.length && step >= this.eventSteps[this.next]!) this.open(this.next++);
    const row = this.current;
    if (Number.isFinite(value)) {
      if (row) this.smoothInto(row, step, value);
      this.ring[this.ringAt] = value;
      this.ringAt = (this.ringAt + 1) % this.ring.length;
      this.ringCount = Math.min(this.ringCount + 1, this.ring.length);
    } else if (row && row.nonFiniteAt === null) {
      row.nonFiniteAt = step;
    }
  }

  finish(): RestartImpact[] {
    while (this.next < this.eventSteps.length) this.open(this.next++);
    return this.rows;
  }

  /** Event k starts its window: the loss before it is what the ring holds now. */
  private open(k: number): void {
    let sum = 0;
    for (let i = 0; i < this.ringCount; i++) sum += this.ring[i]!;
    const after = this.eventSteps[k + 1];
    this.current = {
      step: this.eventSteps[k]!,
      lossBefore: this.ringCount > 0 ? sum / this.ringCount : null,
      beforePoints: this.ringCount,
      peak: null,
      recoveredAt: null,
      windowEnd: after ?? null,
      nonFiniteAt: null,
    };
    this.rows.push(this.current);
    this.ema = 0;
    this.decay = 1;
  }

  private smoothInto(row: RestartImpact, step: number, value: number): void {
    const w = this.smoothing;
    this.ema = this.ema * w + (1 - w) * value;
    this.decay *= w;
    const smoothed = this.ema / (1 - this.decay);
    if (row.peak === null || smoothed > row.peak.value) row.peak = { step, value: smoothed };
    if (row.recoveredAt === null && row.lossBefore !== null && smoothed <= row.lossBefore) row.recoveredAt = step;
  }
}
