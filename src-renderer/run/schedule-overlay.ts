// Resume marks. What a schedule draws is charts/schedule-view.ts (shared with the designer and
// compare); the run's schedule spec arrives parsed with the run (runs.get).
import type { ChartMark } from '../charts/types';
import { formatStep } from '../charts/format';

export function resumeMarks(resumes: readonly { step: number }[]): ChartMark[] {
  return resumes.map((r) => ({ step: r.step, kind: 'resume', label: `resumed at ${formatStep(r.step)}` }));
}
