// What every reader gets: progress reporting (bytes, rows, rows per second) and cancellation.
import type { ImportProgress } from '../../src-shared/api/import-types';
import { throwIfCancelled } from './errors';

/** Progress is reported at most this often: a UI gains nothing from more. */
const REPORT_EVERY_MS = 100;

export class ImportContext {
  private bytesDone = 0;
  private rowsDone = 0;
  private lastReport = 0;
  private readonly started = performance.now();

  constructor(
    readonly bytesTotal: number,
    private readonly signal?: AbortSignal,
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {}

  get rows(): number {
    return this.rowsDone;
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Called after each block read: counts, reports when due, and stops here if cancelled. */
  advance(bytes: number, rows: number): void {
    this.bytesDone += bytes;
    this.rowsDone += rows;
    throwIfCancelled(this.signal);
    if (!this.onProgress) return;
    const now = performance.now();
    if (now - this.lastReport >= REPORT_EVERY_MS) this.report(now);
  }

  /** Lines that were read but held no data row (a CSV header, blank lines): not counted as rows. */
  notRows(lines: number): void {
    this.rowsDone -= lines;
  }

  /** The final report, so a progress bar ends full. */
  finish(): void {
    if (this.onProgress) this.report(performance.now());
  }

  private report(now: number): void {
    this.lastReport = now;
    const seconds = (now - this.started) / 1000;
    this.onProgress!({
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      rows: this.rowsDone,
      rowsPerSecond: seconds > 0 ? Math.round(this.rowsDone / seconds) : 0,
    });
  }
}
