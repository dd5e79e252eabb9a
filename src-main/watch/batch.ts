// The points read from the new bytes of a followed run, per metric in log order, before they are
// written (in one transaction with the new read offsets).
export class PointBatch {
  readonly metrics = new Map<string, { steps: number[]; vals: number[] }>();
  points = 0;
  /** Configuration met in the new bytes (TensorBoard's hparams), merged into the run's. */
  readonly params: Record<string, string> = {};

  add(name: string, step: number, value: number): void {
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
