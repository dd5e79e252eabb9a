// The import shapes that cross the process boundary. Pure types: the renderer
// imports this file, so no node:* here (series shapes: series-types.ts).
import type { Input } from './contract';
import type { MetricRole } from './types';

/**
 * What lrscope can read, with the one fact the UI needs about each: whether its step can be any
 * column the user picks (tabular logs) or is the log's own step (event files, MLflow, W&B). The
 * three CSV flavours share one parser; the name tells the user which writer was recognised and is
 * kept as the run's source format. How each is detected, previewed and read: the Node side's
 * registry (src-main/import/formats.ts), which the compiler holds to exactly these names.
 */
const FORMAT_FACTS = {
  csv: { tabular: true },
  'lightning-csv': { tabular: true },
  'keras-csv': { tabular: true },
  jsonl: { tabular: true },
  tensorboard: { tabular: false },
  'trainer-state': { tabular: true },
  mlflow: { tabular: false },
  'scalars-json': { tabular: false },
  wandb: { tabular: false },
} as const satisfies Record<string, { tabular: boolean }>;

export type ImportFormat = keyof typeof FORMAT_FACTS;

/** In the order the Format menu and `lrscope import --help` list them. */
export const IMPORT_FORMATS = Object.keys(FORMAT_FACTS) as ImportFormat[];

/** Whether the user may pick the step column (else the log's own step is used). */
export function hasStepColumn(format: ImportFormat): boolean {
  return FORMAT_FACTS[format].tabular;
}

/** An import's format, run name and mapping: imports.start's input but its paths (declared by the contract). */
export type ImportOptions = Omit<Input<'imports.start'>, 'paths'>;

/** The user's corrections to what the preview detected (see the contract's imports.start). */
export type ImportMapping = NonNullable<ImportOptions['mapping']>;

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
