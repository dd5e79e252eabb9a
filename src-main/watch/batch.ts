// The points read from the new bytes of a followed run, per metric in log order, before they are
// written (in one transaction with the new read offsets).
import { isClockName } from '../import/names';

export class PointBatch {
  readonly metrics = new Map<string, { steps: number[]; vals: number[] }>();
  points = 0;

  add(name: string, step: number, value: number): void {
    // The import's default, so a followed run holds what an import of the same files holds:
    // clock columns (wall_time, timestamp…) are not curves.
    if (isClockName(name)) return;
    let m = this.metrics.get(name);
    if (!m) this.metrics.set(name, (m = { steps: [], vals: [] }));
    m.steps.push(step);
    m.vals.push(value);
    this.points++;
  }
}

/** A problem with one file of a followed run, as the folder's status shows it. */
export interface Fault {
  file: string;
  reason: string;
}
