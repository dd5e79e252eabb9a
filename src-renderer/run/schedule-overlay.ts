// The scheduled learning rate over a run's steps, with its events as chart marks. The engine
// evaluates at exactly the steps the chart draws, plus each event's step and the one before it,
// so a restart or a stair edge is drawn where it happens, not interpolated across a gap.
import { eventName, events as scheduleEvents, evaluateAt, isStepped, parseSpec, type ScheduleEvent, type ScheduleSpec } from '../../src-shared/schedule';
import type { ChartMark } from '../charts/types';
import { formatRate, formatStep } from '../charts/format';

/** Enough samples that a smooth schedule looks smooth at any chart width. */
const GRID_POINTS = 1500;

export interface ScheduleOverlay {
  spec: ScheduleSpec;
  /** Steps where the schedule was evaluated (sorted, unique; includes the run's steps). */
  steps: Float64Array;
  lr: Float64Array;
  events: ScheduleEvent[];
  /** Draw as a staircase: the kind says so (defineKind's `stepped`), as in the designer. */
  stepped: boolean;
}

export function specOf(stored: Record<string, unknown>): ScheduleSpec | null {
  const parsed = parseSpec(stored);
  return parsed.ok ? parsed.spec : null;
}

export function scheduleOverlay(spec: ScheduleSpec, from: number, to: number, runSteps: ArrayLike<number>): ScheduleOverlay {
  const first = Math.max(0, Math.floor(from));
  const last = Math.max(first, Math.ceil(to));
  const evts = scheduleEvents(spec, first, last + 1);
  const samples = new Set<number>();
  for (let i = 0; i < runSteps.length; i++) {
    const s = runSteps[i]!;
    if (s >= first && s <= last && Number.isInteger(s)) samples.add(s);
  }
  const stride = Math.max(1, Math.floor((last - first) / GRID_POINTS));
  for (let s = first; s <= last; s += stride) samples.add(s);
  samples.add(last);
  for (const e of evts) {
    samples.add(e.step);
    if (e.step - 1 >= first) samples.add(e.step - 1);
  }
  const steps = Float64Array.from(samples).sort();
  const lr = evaluateAt(spec, steps);
  return { spec, steps, lr, events: evts, stepped: isStepped(spec) };
}

/** The engine's name for the event ("rise 1", "restart 3") with the rates either side. */
export function eventLabel(e: ScheduleEvent): string {
  return `${eventName(e)} · lr ${formatRate(e.lrBefore)} → ${formatRate(e.lrAfter)}`;
}

export function eventMarks(evts: readonly ScheduleEvent[]): ChartMark[] {
  return evts.map((e) => ({ step: e.step, kind: e.kind, label: eventLabel(e) }));
}

export function resumeMarks(resumes: readonly { step: number }[]): ChartMark[] {
  return resumes.map((r) => ({ step: r.step, kind: 'resume', label: `resumed at ${formatStep(r.step)}` }));
}
