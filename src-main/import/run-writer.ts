// Turns the points a reader finds into a run's metrics: buffers them per metric, writes full
// chunks, and handles restarts (the step going backwards) as TensorBoard does.
import type { ImportedMetric, ImportFormat, ImportMapping } from '../../src-shared/api/import-types';
import type { MetricRole } from '../../src-shared/api/types';
import { CHUNK_POINTS } from '../db/points';
import type { ImportStore } from '../db/points-import';
import type { ImportContext } from './context';
import { ImportError, type Place } from './errors';
import { roleOf } from './names';

/**
 * A run with more metrics than this is a table of something else (a 400,000-column CSV took
 * 2.4 GB); each metric costs a row, a buffer and a line in every listing, so the cap is explicit.
 */
export const MAX_METRICS_PER_RUN = 10_000;

/**
 * Rows a column is appended in per call (MetricWriter.addColumn). Short enough that V8 compiles the
 * whole call rather than its loop alone: a loop compiled on its own, before the stores after it
 * ever ran, bailed out at its end at every flush (196 times in a 1M-row import).
 */
const FILL_ROWS = 512;

/** A source ready to read: its run's name and parameters are known before the run row is written. */
export interface ReadyRun {
  name: string;
  params: Record<string, string>;
  /** Reads the points into the run. */
  write(run: RunWriter, ctx: ImportContext): Promise<void>;
}

interface ChunkInfo {
  count: number;
  nans: number;
  infs: number;
  first: number;
  last: number;
}

export class MetricWriter {
  // Small at first: memory follows the points a metric has, not the number of metrics.
  private steps = new Float64Array(16);
  private vals = new Float64Array(16);
  private n = 0;
  private last = -Infinity;
  private seq = 0;
  private id = 0;
  private readonly chunks: ChunkInfo[] = [];

  constructor(
    private readonly run: RunWriter,
    readonly name: string,
    readonly role: MetricRole,
  ) {}

  add(step: number, value: number): void {
    if (step < this.last) this.restart(step);
    if (this.n === this.steps.length) this.makeRoom();
    this.steps[this.n] = step;
    this.vals[this.n] = value;
    this.n++;
    this.last = step;
  }

  /**
   * One column of a batch of CSV rows: the value at values[first + r · stride] for step steps[r],
   * where present. The same as add() for each; the points that need add() itself (a restart, a
   * full buffer) go through it, the others are appended FILL_ROWS rows at a time.
   */
  addColumn(steps: Float64Array, values: Float64Array, present: Uint8Array, first: number, stride: number, rows: number): void {
    for (let r = 0; r < rows; ) {
      const end = Math.min(rows, r + FILL_ROWS);
      r = this.fill(steps, values, present, first, stride, r, end);
      if (r < end) {
        this.add(steps[r]!, values[first + r * stride]!);
        r++;
      }
    }
  }

  /** Appends rows [r, end) of a column until one needs add(); returns that row, or `end`. */
  private fill(steps: Float64Array, values: Float64Array, present: Uint8Array, first: number, stride: number, r: number, end: number): number {
    const stepsBuf = this.steps;
    const valsBuf = this.vals;
    const room = stepsBuf.length;
    let n = this.n;
    let last = this.last;
    for (; r < end; r++) {
      const i = first + r * stride;
      if (present[i] === 0) continue;
      const step = steps[r]!;
      if (step < last || n === room) break;
      stepsBuf[n] = step;
      valsBuf[n] = values[i]!;
      n++;
      last = step;
    }
    this.n = n;
    this.last = last;
    return r;
  }

  /** Grows the buffer up to a chunk (most metrics of a TensorBoard log have few points), else writes it. */
  private makeRoom(): void {
    if (this.steps.length < CHUNK_POINTS) {
      const size = Math.min(CHUNK_POINTS, this.steps.length * 4);
      const steps = new Float64Array(size);
      const vals = new Float64Array(size);
      steps.set(this.steps);
      vals.set(this.vals);
      this.steps = steps;
      this.vals = vals;
    } else {
      this.flush();
    }
  }

  private flush(): void {
    if (this.n === 0) return;
    const stats = this.run.store.writeChunk(this.metricId(), this.seq, this.steps, this.vals, this.n);
    this.chunks.push({ count: this.n, nans: stats.nans, infs: stats.infs, first: this.steps[0]!, last: this.steps[this.n - 1]! });
    this.seq++;
    this.n = 0;
  }

  private metricId(): number {
    if (this.id === 0) this.id = this.run.store.insertMetric(this.run.id, this.name, this.role);
    return this.id;
  }

  /**
   * A restart from a checkpoint: the points at or after `step` were logged by the abandoned
   * attempt; the new ones replace them (TensorBoard's purge of orphaned data does the same).
   */
  private restart(step: number): void {
    this.run.resumedAt(step);
    if (this.n > 0 && this.steps[0]! < step) {
      while (this.n > 0 && this.steps[this.n - 1]! >= step) this.n--;
      return;
    }
    this.n = 0;
    if (this.id === 0) return;
    const kept = this.run.store.cutAt(this.id, step);
    if (!kept) return;
    this.chunks.length = kept.seq;
    this.seq = kept.seq;
    if (this.steps.length < kept.count) {
      this.steps = new Float64Array(CHUNK_POINTS);
      this.vals = new Float64Array(CHUNK_POINTS);
    }
    this.steps.set(kept.steps.subarray(0, kept.count));
    this.vals.set(kept.vals.subarray(0, kept.count));
    this.n = kept.count;
  }

  finish(): ImportedMetric | null {
    this.flush();
    const points = this.chunks.reduce((sum, c) => sum + c.count, 0);
    if (points === 0) {
      if (this.id !== 0) this.run.store.deleteMetric(this.id);
      return null;
    }
    const nanCount = this.chunks.reduce((sum, c) => sum + c.nans, 0);
    const infCount = this.chunks.reduce((sum, c) => sum + c.infs, 0);
    this.run.store.finishMetric(this.id, {
      points,
      nanCount,
      infCount,
      stepMin: this.chunks[0]!.first,
      stepMax: this.chunks[this.chunks.length - 1]!.last,
    });
    return { name: this.name, role: this.role, points, nanCount, infCount };
  }
}

export class RunWriter {
  private readonly metrics = new Map<string, MetricWriter | null>();
  private readonly resumes = new Set<number>();
  bytesLeftOver = 0;
  /** What was set aside and why (an unfinished last record or line), for the summary. */
  readonly leftOut: string[] = [];
  /** Configuration met while reading (TensorBoard's hparams plugin data): stored when the read ends. */
  readonly params: Record<string, string> = {};

  constructor(
    readonly store: ImportStore,
    readonly id: number,
    readonly name: string,
    readonly format: ImportFormat,
    private readonly mapping: ImportMapping = {},
  ) {}

  /** The writer for a metric, or null when the user chose to skip it. `file` and `place`: where it was met. */
  metric(name: string, file = this.name, place: Place = null): MetricWriter | null {
    let writer = this.metrics.get(name);
    if (writer === undefined) {
      if (this.metrics.size >= MAX_METRICS_PER_RUN) throw tooManyMetrics(file, place);
      // No list from the user: the default of the preview (everything, clock columns as clocks).
      const skipped = this.mapping.skip?.includes(name) ?? false;
      writer = skipped ? null : new MetricWriter(this, name, this.mapping.roles?.[name] ?? roleOf(name));
      this.metrics.set(name, writer);
    }
    return writer;
  }

  resumedAt(step: number): void {
    if (this.resumes.has(step)) return;
    this.resumes.add(step);
    this.store.addResume(this.id, step);
  }

  finish() {
    const metrics: ImportedMetric[] = [];
    for (const writer of this.metrics.values()) {
      const done = writer?.finish();
      if (done) metrics.push(done);
    }
    return {
      id: this.id,
      name: this.name,
      format: this.format,
      metrics,
      resumes: [...this.resumes].sort((a, b) => a - b),
      ...(this.bytesLeftOver > 0 ? { bytesLeftOver: this.bytesLeftOver } : {}),
      ...(this.leftOut.length > 0 ? { leftOut: [...this.leftOut] } : {}),
    };
  }
}

export function tooManyMetrics(file: string, place: Place, found?: number): ImportError {
  const count = found === undefined ? `more than ${MAX_METRICS_PER_RUN.toLocaleString('en')}` : found.toLocaleString('en');
  return new ImportError(file, place, `${count} metrics in one run: lrscope imports at most ${MAX_METRICS_PER_RUN.toLocaleString('en')} per run (is this a training log?)`);
}
