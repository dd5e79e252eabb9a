// Evaluation buffers: one Float64Array per candidate, reused from keystroke to keystroke, so a
// 100,000-step preview allocates nothing while the user types (the engine fills in place).
import { evaluate, type ScheduleSpec } from '../../src-shared/schedule/index';

interface Entry {
  buf: Float64Array;
  spec: ScheduleSpec | null;
  from: number;
  to: number;
  view: Float64Array;
}

export class CurveBuffers {
  private readonly entries = new Map<number, Entry>();
  private steps: { from: number; to: number; view: Float64Array } | null = null;

  /** Steps from..to, both included. */
  stepsOf(from: number, to: number): Float64Array {
    if (this.steps?.from !== from || this.steps.to !== to) {
      const view = new Float64Array(to - from + 1);
      for (let i = 0; i < view.length; i++) view[i] = from + i;
      this.steps = { from, to, view };
    }
    return this.steps.view;
  }

  /** The rates of `spec` at steps from..to; the same array as last time when nothing changed. */
  valuesOf(id: number, spec: ScheduleSpec, from: number, to: number): Float64Array {
    const n = to - from + 1;
    let e = this.entries.get(id);
    if (e && e.spec === spec && e.from === from && e.to === to) return e.view;
    if (!e || e.buf.length < n) {
      e = { buf: new Float64Array(Math.max(n, 1024)), spec: null, from, to, view: new Float64Array(0) };
      this.entries.set(id, e);
    }
    const buf = e.buf;
    evaluate(spec, from, to + 1, buf);
    e.spec = spec;
    e.from = from;
    e.to = to;
    // A fresh view object each time: the chart sees new data, the memory stays the same.
    e.view = e.buf.subarray(0, n);
    return e.view;
  }

  forget(keep: ReadonlySet<number>): void {
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
  }
}
