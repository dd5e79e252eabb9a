// scheduleView: a spec turned into what every chart draws of it — the curve, the events as
// marks with their labels, and whether it is drawn stepped. The designer, the run view and
// compare all call this, so one spec looks the same (same stairs, same words) in each.
// It lives with the charts, not in the engine: labels are formatted for the screen
// (formatRate) and marks are a chart type; the engine stays free of presentation.
// The engine evaluates at exactly the steps the chart draws, plus each event's step and the one
// before it, so a restart or a stair edge is drawn where it happens, not interpolated across a gap.
import { eventName, events as scheduleEvents, evaluateAt, isStepped, type ScheduleEvent, type ScheduleSpec } from '../../src-shared/schedule';
import type { ChartMark } from './types';
import { formatRate } from './format';

/** Enough samples that a smooth schedule looks smooth at any chart width. */
export const GRID_POINTS = 1500;

export interface ScheduleView {
  spec: ScheduleSpec;
  /** Steps where the schedule was evaluated (sorted, unique; includes `budget.at`). */
  steps: Float64Array;
  lr: Float64Array;
  events: ScheduleEvent[];
  /** The events as chart marks, labelled by eventLabel. */
  marks: ChartMark[];
  /** Draw as a staircase: the kind says so (defineKind's `stepped`). */
  stepped: boolean;
}

export interface Budget {
  /** Grid points over the range besides events (a range this long or shorter is drawn at every step); 0: events and the range's ends only. */
  points?: number;
  /** Steps that must be sampled too (the run's logged steps, so the overlay lines up with them). */
  at?: ArrayLike<number>;
}

export function scheduleView(spec: ScheduleSpec, range: { from: number; to: number }, budget: Budget = {}): ScheduleView {
  const first = Math.max(0, Math.floor(range.from));
  const last = Math.max(first, Math.ceil(range.to));
  const evts = scheduleEvents(spec, first, last + 1);
  const samples = new Set<number>();
  const at = budget.at ?? [];
  for (let i = 0; i < at.length; i++) {
    const s = at[i]!;
    if (s >= first && s <= last && Number.isInteger(s)) samples.add(s);
  }
  const points = budget.points ?? GRID_POINTS;
  const stride = points > 0 ? Math.max(1, Math.floor((last - first) / points)) : Infinity;
  for (let s = first; s <= last; s += stride) samples.add(s);
  samples.add(last);
  for (const e of evts) {
    samples.add(e.step);
    if (e.step - 1 >= first) samples.add(e.step - 1);
  }
  const steps = Float64Array.from(samples).sort();
  const lr = evaluateAt(spec, steps);
  return { spec, steps, lr, events: evts, marks: eventMarks(evts), stepped: isStepped(spec) };
}

/** The engine's name for the event ("rise 1", "restart 3") with the rates either side. */
export function eventLabel(e: ScheduleEvent): string {
  return `${eventName(e)} · lr ${formatRate(e.lrBefore)} → ${formatRate(e.lrAfter)}`;
}

export function eventMarks(evts: readonly ScheduleEvent[]): ChartMark[] {
  return evts.map((e) => ({ step: e.step, kind: e.kind, label: eventLabel(e) }));
}
