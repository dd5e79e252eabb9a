// The import and series shapes that cross the process boundary. Pure types: the renderer
// imports this file, so no node:* and no runtime code here (see series-json.ts for the codec).
import type { MetricRole } from './types';

/**
 * What lrscope can read. The three CSV flavours share one parser; the name tells the user which
 * writer was recognised and is kept as the run's source format.
 */
export type ImportFormat =
  | 'csv'
  | 'lightning-csv'
  | 'keras-csv'
  | 'jsonl'
  | 'tensorboard'
  | 'trainer-state'
  | 'mlflow'
  | 'scalars-json'
  | 'wandb';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'csv',
  'lightning-csv',
  'keras-csv',
  'jsonl',
  'tensorboard',
  'trainer-state',
  'mlflow',
  'scalars-json',
  'wandb',
];

/** The user's corrections to what the preview detected. Names are source column (or tag) names. */
export interface ImportMapping {
  /** Tabular logs only (CSV, JSONL, trainer_state): the column that holds the step. '' = use the row index. */
  stepColumn?: string;
  roles?: Record<string, MetricRole>;
  /** Columns or tags not to import. Absent: the preview's default (all; clock columns such as wall_time are stored with the role 'clock'). */
  skip?: string[];
}

export interface ImportOptions {
  format?: ImportFormat;
  /** The run name; with several runs it becomes the prefix `name/<run>`. */
  name?: string;
  mapping?: ImportMapping;
}

export interface ImportProgress {
  bytesDone: number;
  bytesTotal: number;
  /** Rows, JSON lines or event records read so far. */
  rows: number;
  rowsPerSecond: number;
}

export interface PreviewRun {
  /** Unique within one preview, and the name the import will give the run. */
  name: string;
  /** This source's own detected format (a folder may hold several). */
  format: ImportFormat;
  /** The file or folder this run comes from, as recorded in the run (a key that never repeats). */
  source: string;
  /** The step column, or null when the row index (or the log's own step field) is the step. */
  stepColumn: string | null;
  /** `imported: false` = left out unless the user ticks it (the default imports all; clock columns get the role 'clock'). */
  metrics: { name: string; role: MetricRole; imported: boolean }[];
  /** Source columns; for event files and MLflow: 'step' then the tags seen. */
  columns: string[];
  /** The first rows as written (text), aligned with `columns`. */
  firstRows: string[][];
}

export interface ImportPreview {
  /** The first run's format; each run carries its own (`runs[i].format`). */
  format: ImportFormat;
  runs: PreviewRun[];
}

export interface ImportedMetric {
  name: string;
  role: MetricRole;
  points: number;
  /** NaN points (not counting ±Infinity). */
  nanCount: number;
  /** +Infinity and −Infinity points. */
  infCount: number;
}

export interface ImportedRun {
  id: number;
  name: string;
  format: ImportFormat;
  metrics: ImportedMetric[];
  /** Steps where the log went backwards (a restart from a checkpoint). */
  resumes: number[];
  /** Bytes after the last complete record of an event file that was still being written. */
  bytesLeftOver?: number;
  /** What was set aside, each naming the file, the line or record and why (an unfinished tail). */
  leftOut?: string[];
}

export interface ImportSummary {
  runs: ImportedRun[];
  rows: number;
  seconds: number;
}

export interface SeriesQuery {
  from?: number;
  to?: number;
  maxPoints: number;
}

/**
 * A metric's points, columnar. `exact` = every point in the range; otherwise each index is a
 * bucket of consecutive points: `steps`/`values` are its first point, `min`/`max` the extremes of
 * its non-NaN values (±Infinity included, so a spike is never lost) and `nanCounts` how many NaN
 * points it holds (so a divergence is never lost either). NaN in min/max = the bucket is all NaN.
 *
 * Typed arrays survive structured clone (IPC) as they are. JSON cannot carry NaN or ±Infinity
 * nor typed arrays: HTTP uses `seriesToJson`/`seriesFromJson` (series-json.ts).
 */
export interface Series {
  steps: Float64Array;
  values: Float64Array;
  min?: Float64Array;
  max?: Float64Array;
  nanCounts?: Float64Array;
  exact: boolean;
}

/** A number as JSON can carry it: non-finite values become these strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface SeriesJson {
  steps: number[];
  values: JsonNumber[];
  min?: JsonNumber[];
  max?: JsonNumber[];
  nanCounts?: number[];
  exact: boolean;
}
