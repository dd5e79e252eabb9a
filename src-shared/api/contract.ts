// The one declaration of every call between the UI and the Node side. The Electron preload,
// the IPC handlers, the HTTP routes of browser mode and the renderer's client are all derived
// from this object; a channel name is never typed anywhere else.
import { z } from 'zod';
import { IMPORT_FORMATS, type ImportPreview } from './import-types';
import type { SeriesJson } from './series-types';
import type { DriftResponse, InferResponse } from './intel-types';
import type { WatchFolder } from './watch-types';
import { METRIC_ROLES, type AppInfo, type ComparisonDetail, type ComparisonSummary, type ImportJob, type PointAt, type RestartImpactTable, type RunDetail, type RunSummary, type ScheduleDetail, type ScheduleSummary, type SeriesStats } from './types';

/** A contract entry: the input schema (validated at the boundary) and a phantom output type. */
export interface Method<I extends z.ZodType, O> {
  input: I;
  output: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): Method<I, O> => ({ input, output: undefined as unknown as O });
}

const id = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be > 0');
const name = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const tag = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[^,\s]+$/, 'must not contain spaces or commas');

const paths = z
  .array(z.string({ error: 'must be a file or folder path' }).min(1, 'must not be empty'), { error: 'must be a list of paths' })
  .min(1, 'must name at least one file or folder')
  .max(10_000, 'at most 10000 paths');
const format = z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` });
const role = z.enum(METRIC_ROLES, { error: `must be ${METRIC_ROLES.slice(0, -1).join(', ')} or ${METRIC_ROLES.at(-1)}` });
const jobId = z.string({ error: 'must be an import id' }).uuid('must be an import id');
const step = z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');

const comparisonSettings = z
  .object({
    align: z.enum(['step', 'epoch', 'fraction', 'relative', 'wall'], { error: 'must be step, epoch, fraction, relative or wall' }),
    metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty'),
    smoothing: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
    logY: z.boolean({ error: 'must be true or false' }),
    logX: z.boolean({ error: 'must be true or false' }).optional(),
    showMarks: z.boolean({ error: 'must be true or false' }),
    hiddenRunIds: z.array(id).optional(),
  })
  .strict();

const settingsView = z.enum(['app', 'run', 'compare', 'designer'], { error: 'must be app, run, compare or designer' });

export const contract = {
  'app.info': method<AppInfo>()(z.object({}).strict()),

  'runs.list': method<RunSummary[]>()(z.object({}).strict()),
  'runs.get': method<RunDetail>()(z.object({ id }).strict()),
  'runs.create': method<RunDetail>()(z.object({ name }).strict()),
  'runs.rename': method<RunDetail>()(z.object({ id, name }).strict()),
  'runs.delete': method<{ deleted: number }>()(z.object({ id }).strict()),
  'runs.setTags': method<RunDetail>()(
    z.object({ id, tags: z.array(tag, { error: 'must be a list of tags' }).max(50, 'at most 50 tags') }).strict(),
  ),
  'runs.setNotes': method<RunDetail>()(
    z.object({ id, notes: z.string({ error: 'must be text' }).max(100_000, 'must be at most 100000 characters') }).strict(),
  ),

  'schedules.list': method<ScheduleSummary[]>()(z.object({}).strict()),
  'schedules.get': method<ScheduleDetail>()(z.object({ id }).strict()),
  'schedules.save': method<ScheduleDetail>()(
    z
      .object({
        id: id.optional(),
        name,
        spec: z.record(z.string(), z.unknown(), { error: 'must be a schedule object with a kind' }),
      })
      .strict(),
  ),
  'schedules.delete': method<{ deleted: number; detachedRuns: number }>()(
    z.object({ id, detachRuns: z.boolean({ error: 'must be true or false' }).default(false) }).strict(),
  ),
  'schedules.attach': method<{ attached: number }>()(
    z.object({ scheduleId: id, runIds: z.array(id).min(1, 'must name at least one run').max(1000) }).strict(),
  ),
  'schedules.detach': method<RunDetail>()(z.object({ runId: id }).strict()),

  'comparisons.list': method<ComparisonSummary[]>()(z.object({}).strict()),
  'comparisons.get': method<ComparisonDetail>()(z.object({ id }).strict()),
  'comparisons.save': method<ComparisonDetail>()(
    z
      .object({
        id: id.optional(),
        name,
        runIds: z.array(id).min(1, 'must name at least one run').max(20, 'at most 20 runs can be compared'),
        settings: comparisonSettings,
      })
      .strict(),
  ),
  'comparisons.delete': method<{ deleted: number }>()(z.object({ id }).strict()),

  'imports.preview': method<ImportPreview>()(z.object({ paths, format: format.optional() }).strict()),
  'imports.start': method<ImportJob>()(
    z
      .object({
        paths,
        format: format.optional(),
        name: name.optional(),
        /** The user's corrections to what the preview detected; names are source column (or tag) names. */
        mapping: z
          .object({
            /** Tabular logs only (CSV, JSONL, trainer_state): the column that holds the step. '' = use the row index. */
            stepColumn: z.string().optional(),
            roles: z.record(z.string(), role).optional(),
            /** Columns or tags not to import. Absent: the preview's default (clock columns such as wall_time are left out). */
            skip: z.array(z.string()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'imports.progress': method<ImportJob>()(z.object({ jobId }).strict()),
  'imports.cancel': method<ImportJob>()(z.object({ jobId }).strict()),

  'series.get': method<SeriesJson>()(
    z
      .object({
        runId: id,
        metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty'),
        from: step.optional(),
        to: step.optional(),
        maxPoints: z.number().int('must be a whole number').min(2, 'must be at least 2').max(100_000, 'must be at most 100000').default(2000),
      })
      .strict(),
  ),
  /** Figures from every stored point of a metric (not thinned): the compare view's summary table. */
  'series.stats': method<SeriesStats>()(
    z
      .object({
        runId: id,
        metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty'),
        from: step.optional(),
        to: step.optional(),
        areaFrom: step.optional(),
        areaTo: step.optional(),
        at: z.array(step, { error: 'must be a list of steps' }).max(1000, 'at most 1000 steps').optional(),
      })
      .strict(),
  ),
  /** Each metric's stored point at `step` or the last before it (never a thinned bucket): the run view's readout at the cursor. */
  'series.at': method<PointAt[]>()(
    z
      .object({
        runId: id,
        metrics: z.array(z.string({ error: 'must be a metric name' }).min(1, 'must not be empty'), { error: 'must be a list of metric names' }).min(1, 'must name at least one metric').max(100, 'at most 100 metrics'),
        step,
      })
      .strict(),
  ),
  /** The schedule behind a run's logged learning rate: candidates best first (worker thread). */
  'schedules.infer': method<InferResponse>()(
    z
      .object({
        runId: id,
        metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty').optional(),
        threshold: z.number({ error: 'must be a number' }).positive('must be > 0').max(1, 'must be at most 1').optional(),
      })
      .strict(),
  ),
  /** Where the logged learning rate leaves the attached schedule, with diagnoses. */
  'schedules.drift': method<DriftResponse>()(
    z
      .object({
        runId: id,
        metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty').optional(),
        tolerance: z.number({ error: 'must be a number' }).positive('must be > 0').max(1, 'must be at most 1').optional(),
      })
      .strict(),
  ),
  /** The restart/drop table: each event of the run's schedule against every stored point of a loss (not thinned, not zoomed). */
  'series.restartImpact': method<RestartImpactTable>()(
    z
      .object({
        runId: id,
        metric: z.string({ error: 'must be a metric name' }).min(1, 'must not be empty'),
        before: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').default(20),
        smoothing: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 0.999').max(0.999, 'must be between 0 and 0.999').default(0.6),
      })
      .strict(),
  ),

  /** Watched log folders: every run under one is imported, then followed as it grows. */
  'watch.list': method<WatchFolder[]>()(z.object({}).strict()),
  'watch.add': method<WatchFolder>()(
    z.object({ path: z.string({ error: 'must be a folder path' }).trim().min(1, 'must name a folder').max(4096, 'must be at most 4096 characters') }).strict(),
  ),
  'watch.remove': method<{ removed: number }>()(z.object({ id }).strict()),

  /** What a view remembers (the metric grid's filter, pins, axis…; the theme): one JSON object per view. */
  'settings.get': method<{ view: string; settings: Record<string, unknown> }>()(z.object({ view: settingsView }).strict()),
  'settings.save': method<{ view: string; settings: Record<string, unknown> }>()(
    z
      .object({
        view: settingsView,
        settings: z
          .record(z.string(), z.unknown(), { error: 'must be an object of settings' })
          .refine((v) => JSON.stringify(v).length <= 65_536, 'must be at most 64 KiB as JSON'),
      })
      .strict(),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = Contract[K]['output'];
export const methodNames = Object.keys(contract) as MethodName[];

/** The API as the renderer sees it: one async function per contract entry. */
export type Api = { [K in MethodName]: (input: Input<K>) => Promise<Output<K>> };
