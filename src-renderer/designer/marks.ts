// The engine's events as chart marks and table rows, in the user's words:
// `restart 3 · lr 0.0021 → 0.24`, `drop 2 · lr 0.36 → 0.216`, `warmup end`, `phase 2`.
import type { ScheduleEvent } from '../../src-shared/schedule/index';
import { formatRate } from '../charts/format';
import type { ChartMark } from '../charts/types';

export const EVENT_WORDS: Record<ScheduleEvent['kind'], string> = {
  restart: 'restart',
  drop: 'drop',
  warmup_end: 'warmup end',
  phase: 'phase',
};

export function eventLabel(e: ScheduleEvent): string {
  const name = e.kind === 'warmup_end' ? EVENT_WORDS.warmup_end : `${EVENT_WORDS[e.kind]} ${e.index}`;
  return `${name} · lr ${formatRate(e.lrBefore)} → ${formatRate(e.lrAfter)}`;
}

export function eventMarks(events: readonly ScheduleEvent[]): ChartMark[] {
  return events.map((e) => ({ step: e.step, kind: e.kind, label: eventLabel(e) }));
}
