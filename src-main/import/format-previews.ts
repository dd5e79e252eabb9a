// Each format's preview: from the start of a source, its step column, its metrics with their
// roles and its first rows, for the user to check and correct. The registry (formats.ts) names
// which one a format uses; previewImport (preview.ts) runs them.
import { join } from 'node:path';
import type { ImportFormat, PreviewRun } from '../../src-shared/api/import-types';
import type { MetricRole } from '../../src-shared/api/types';
import { MLFLOW_CLOCK, mlflowClockFile, newClockState, takeClockPoint, TENSORBOARD_CLOCK } from './clock';
import { previewCsv } from './csv';
import { previewJsonl } from './jsonl';
import { keyOf } from './mlflow';
import { readLines } from './lines';
import { roleOf } from './names';
import { NumberReader, TEXT } from './numbers';
import { chooseStepKey } from './object-rows';
import type { Row } from './python-json';
import { readScalarsJson, metricNames } from './scalars-json';
import type { Source } from './sources';
import { decode, TagTable } from './tensorboard/import';
import { toNumber } from './proto-schema';
import { readRecords } from './tensorboard/tfrecord';
import { readTrainerState } from './trainer-state';

/** One source's preview; its recorded source is added by previewImport. */
export type SourcePreview = Omit<PreviewRun, 'source'>;

export const FIRST_ROWS = 10;
/** Event records read per file: enough to meet the tags a run logs, whatever its size. */
const PREVIEW_RECORDS = 5_000;

function metric(name: string): { name: string; role: MetricRole; imported: boolean } {
  return { name, role: roleOf(name), imported: true };
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Points by step, for logs whose metrics come separately (event files, MLflow, scalar exports). */
class StepTable {
  private readonly steps = new Map<number, Map<string, number>>();
  readonly names = new Set<string>();

  add(step: number, name: string, value: number): void {
    this.names.add(name);
    let row = this.steps.get(step);
    if (!row && this.steps.size >= FIRST_ROWS) return;
    if (!row) this.steps.set(step, (row = new Map()));
    if (!row.has(name)) row.set(name, value);
  }

  preview(name: string, format: ImportFormat): SourcePreview {
    const names = [...this.names];
    const steps = [...this.steps.keys()].sort((a, b) => a - b);
    const firstRows = steps.map((s) => [String(s), ...names.map((n) => text(this.steps.get(s)!.get(n)))]);
    return { name, format, stepColumn: null, metrics: names.map(metric), columns: ['step', ...names], firstRows };
  }
}

export async function previewTable(source: Source): Promise<SourcePreview> {
  const { header, firstRows } = await previewCsv(source.files[0]!, undefined, FIRST_ROWS);
  const reader = new NumberReader();
  const isText = (c: number) => {
    const first = firstRows.map((r) => r[c] ?? '').find((v) => v.trim() !== '');
    return first !== undefined && (reader.readText(first), reader.kind === TEXT);
  };
  const metrics = header.names.filter((_, c) => (c !== header.stepIndex || header.stepIsMetric) && !isText(c)).map(metric);
  const stepColumn = header.stepIndex >= 0 ? header.names[header.stepIndex]! : null;
  return { name: source.name, format: source.format, stepColumn, metrics, columns: header.names, firstRows };
}

function previewRows(source: Source, rows: Row[], all: Row[] = rows): SourcePreview {
  const columns = [...new Set(all.flatMap((r) => [...r.keys()]))];
  const step = chooseStepKey(source.files[0]!, [...(rows[0]?.keys() ?? [])], undefined);
  const numeric = columns.filter((c) => typeof all.find((r) => r.get(c) !== null && r.get(c) !== undefined)?.get(c) === 'number');
  const metrics = numeric.filter((c) => c !== step.key || step.alsoMetric).map(metric);
  const firstRows = rows.slice(0, FIRST_ROWS).map((r) => columns.map((c) => text(r.get(c))));
  return { name: source.name, format: source.format, stepColumn: step.key, metrics, columns, firstRows };
}

export async function previewJsonLines(source: Source): Promise<SourcePreview> {
  return previewRows(source, await previewJsonl(source.files[0]!, FIRST_ROWS));
}

export async function previewTrainerState(source: Source): Promise<SourcePreview> {
  const { entries } = await readTrainerState(source.files[0]!);
  return previewRows(source, entries.slice(0, FIRST_ROWS), entries);
}

export async function previewEvents(source: Source): Promise<SourcePreview> {
  const table = new StepTable();
  const tags = new TagTable(null);
  const clock = newClockState();
  for (const file of source.files) {
    await readRecords(
      file,
      null,
      (data, record) => {
        const event = decode(file, data, record);
        const step = toNumber(event.step);
        const scalars = tags.scalars(event, (tag, value) => table.add(step, tag, value));
        if (scalars > 0 && takeClockPoint(clock, step)) table.add(step, TENSORBOARD_CLOCK, event.wall_time);
      },
      PREVIEW_RECORDS,
    );
  }
  return table.preview(source.name, source.format);
}

export async function previewMlflow(source: Source): Promise<SourcePreview> {
  const table = new StepTable();
  const reader = new NumberReader();
  const clockFile = mlflowClockFile(source.files);
  const clock = newClockState();
  for (const file of source.files) {
    const name = keyOf(join(source.path, 'metrics'), file);
    let lines = 0;
    await readLines(file, null, (buf, start, end) => {
      const [timestamp, value, step] = buf.toString('utf8', start, end).trim().split(/\s+/);
      const at = step === undefined ? 0 : reader.readText(step);
      if (value !== undefined) table.add(at, name, reader.readText(value));
      if (value !== undefined && file === clockFile && takeClockPoint(clock, at)) table.add(at, MLFLOW_CLOCK, reader.readText(timestamp!));
      return ++lines < FIRST_ROWS;
    });
  }
  return table.preview(source.name, source.format);
}

export async function previewScalarsJson(source: Source): Promise<SourcePreview> {
  const series = await readScalarsJson(source.files[0]!);
  const names = metricNames([...series.keys()]);
  const table = new StepTable();
  for (const [key, triples] of series) {
    for (const t of triples.slice(0, FIRST_ROWS)) {
      if (Array.isArray(t) && typeof t[1] === 'number' && typeof t[2] === 'number') table.add(t[1], names.get(key)!, t[2]);
    }
  }
  return table.preview(source.name, source.format);
}
