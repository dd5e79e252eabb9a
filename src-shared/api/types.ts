// Plain data that crosses the process boundary. No classes, no Dates (ISO strings instead),
// so that the same values survive structured clone (IPC) and JSON (HTTP).

import type { ScheduleEvent, ScheduleSpec } from '../schedule';
import type { RestartImpact } from '../series/restart-impact';
import type { ImportProgress, ImportSummary, JsonNumber } from './import-types';

export interface AppInfo {
  name: 'lrscope';
  version: string;
  databasePath: string;
  schemaVersion: number;
  shell: 'electron' | 'browser';
}

export type MetricRole = 'loss' | 'lr' | 'epoch' | 'other';

export interface MetricSummary {
  id: number;
  name: string;
  role: MetricRole;
  pointCount: number;
  stepMin: number | null;
  stepMax: number | null;
  /** NaN points (not counting ±Infinity). */
  nanCount: number;
  /** +Infinity and −Infinity points. */
  infCount: number;
}

export interface ScheduleRef {
  id: number;
  name: string;
  kind: string;
}

export interface RunSummary {
  id: number;
  name: string;
  tags: string[];
  schedule: ScheduleRef | null;
  metrics: { name: string; role: MetricRole; pointCount: number }[];
  sourceFormat: string | null;
  /** The file or folder the run was imported from: tells apart runs of equal names. */
  sourcePath: string | null;
  createdAt: string;
  /** The run's configuration (MLflow params, config files beside the log): the list filters by it. */
  params?: Record<string, string>;
}

/** The schedule attached to a run, its stored spec read back by the engine once (runs.get). */
export interface AttachedSchedule extends ScheduleRef {
  /** The parsed spec; null when the stored spec no longer parses, and then `specError` says why. */
  spec: ScheduleSpec | null;
  specError: string | null;
}

export interface RunDetail extends Omit<RunSummary, 'metrics' | 'schedule'> {
  schedule: AttachedSchedule | null;
  notes: string;
  sourcePath: string | null;
  params: Record<string, string>;
  metrics: MetricSummary[];
  resumes: { step: number }[];
  updatedAt: string;
}

export interface ScheduleSummary {
  id: number;
  name: string;
  kind: string;
  runCount: number;
  updatedAt: string;
}

export interface ScheduleDetail extends ScheduleSummary {
  spec: Record<string, unknown>;
  specVersion: number;
  runIds: number[];
}

/** Every failure that crosses the boundary has this shape, whatever the transport. */
export interface ApiErrorBody {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'unauthorized' | 'internal';
  message: string;
  /** For invalid_input: which field, in dotted path form, and why. */
  issues?: { field: string; message: string }[];
}

export interface ImportJob {
  id: string;
  paths: string[];
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: ImportProgress;
  summary?: ImportSummary;
  /** For a failed import: the file, the line or record, and the reason. */
  error?: string;
}

/** How the compare view lines runs up, and what it shows. */
export interface ComparisonSettings {
  /** relative and wall: by the run's logged clock (wall_time, timestamp). */
  align: 'step' | 'epoch' | 'fraction' | 'relative' | 'wall';
  metric: string;
  smoothing: number;
  logY: boolean;
  logX?: boolean;
  showMarks: boolean;
  hiddenRunIds?: number[];
}

export interface ComparisonSummary {
  id: number;
  name: string;
  runCount: number;
  updatedAt: string;
}

export interface ComparisonDetail extends ComparisonSummary {
  runIds: number[];
  settings: ComparisonSettings;
}

/** A point of a metric: its step and value. */
export interface StepValue {
  step: number;
  value: number;
}

/**
 * Figures of a metric computed from every stored point (series.stats), never from thinned
 * buckets: what the compare view's summary table shows.
 */
export interface SeriesStats {
  /** Points in the step range, NaN included. */
  count: number;
  /** NaN points (±Infinity not included: see infCount). */
  nanCount: number;
  infCount: number;
  /** The last point logged, finite or not ('NaN', 'Infinity' as JSON carries them): the run's final value. */
  lastLogged: { step: number; value: JsonNumber } | null;
  /** The step from which every point is NaN or ±Infinity to the end (the run diverged); null when the last point is finite. */
  divergedAt: number | null;
  /** Non-finite points inside the area range: then there is no area (auc and area are null). */
  areaNonFinite: { firstStep: number; nanCount: number; infCount: number } | null;
  /** The first and last finite points; null when there is none. */
  first: StepValue | null;
  last: StepValue | null;
  /** The lowest finite value, at its first step. */
  min: StepValue | null;
  /** Area under the curve over `area` (trapezoid rule over consecutive points, clipped to the range by linear interpolation); null when no segment lies in it, or when a point in it is not finite (see areaNonFinite). */
  auc: number | null;
  area: { from: number; to: number } | null;
  /** For each requested step: the last finite point at or before it, or null. */
  valueAt: (StepValue | null)[];
}

/** A metric's stored point at a step (or the last one before it): the run view's readout. */
export interface PointAt {
  metric: string;
  /** The step the point was logged at (≤ the step asked for); null before the metric's first point. */
  step: number | null;
  /** The stored value; non-finite values travel as 'NaN', 'Infinity', '-Infinity' (JSON has no NaN). */
  value: JsonNumber | null;
}

/**
 * The restart/drop table of a run (series.restartImpact): for each event of the attached
 * schedule over the metric's whole step range, figures from every stored point (see
 * src-shared/series/restart-impact.ts for the definitions).
 */
export interface RestartImpactTable {
  metric: string;
  /** N: how many finite points before an event make "loss before". */
  before: number;
  /** TensorBoard smoothing weight of the loss after an event. */
  smoothing: number;
  /** The attached schedule whose events these are; null = none attached (no rows). */
  schedule: ScheduleRef | null;
  rows: (RestartImpact & { event: ScheduleEvent })[];
  /** More events than the table holds: the first ones are listed. */
  truncated: boolean;
}
