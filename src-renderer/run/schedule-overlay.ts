// The run's stored schedule spec read back, and resume marks. What a schedule draws is
// charts/schedule-view.ts (shared with the designer and compare).
import { parseSpec, type ScheduleSpec } from '../../src-shared/schedule';
import type { ChartMark } from '../charts/types';
import { formatStep } from '../charts/format';

export function specOf(stored: Record<string, unknown>): ScheduleSpec | null {
  const parsed = parseSpec(stored);
  return parsed.ok ? parsed.spec : null;
}

export function resumeMarks(resumes: readonly { step: number }[]): ChartMark[] {
  return resumes.map((r) => ({ step: r.step, kind: 'resume', label: `resumed at ${formatStep(r.step)}` }));
}
