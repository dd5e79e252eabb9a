// A W&B run into lrscope: history → metrics at their steps; config → the run's parameters (kept
// as MLflow's are: one text per key, nested keys joined with '/'); summary → `summary/<key>`
// parameters; the run record → name, notes, tags and `wandb/…` parameters; exit → finished.
import { dirname } from 'node:path';
import type { PreviewRun } from '../../../src-shared/api/import-types';
import type { ImportContext } from '../context';
import { ImportError } from '../errors';
import { readLines } from '../lines';
import { roleOf } from '../names';
import { isObject, parsePythonJson } from '../python-json';
import type { MetricWriter, ReadyRun, RunWriter } from '../run-writer';
import type { Source } from '../sources';
import { readWandbRecords } from './datastore';
import { toNumber } from '../proto-schema';
import { readConfigFile, readMetadataFile, readSummaryFile, type WandbRunFiles } from './run-folder';
import { WandbRunLog, type HistorySink } from './run-log';
import { leavesIn } from './values';

/** Records read to find the run record (W&B writes it second, after the header record). */
const HEAD_RECORDS = 200;
/** Records read for a preview: enough to meet the keys a run logs, whatever its size. */
const PREVIEW_RECORDS = 5_000;
const FIRST_ROWS = 10;

/** Reads the run's history log(s) into `log`; the bytes of an unfinished last record. */
async function readHistory(files: WandbRunFiles, log: WandbRunLog, ctx: ImportContext | null, maxRecords = Infinity): Promise<number> {
  let leftOver = 0;
  for (const file of files.logs) {
    if (files.kind === 'datastore') {
      const read = await readWandbRecords(file, ctx, (data, record, offset) => log.record(data, record, offset), maxRecords);
      leftOver += read.bytesLeftOver;
    } else {
      await readHistoryJsonl(file, log, ctx, maxRecords);
    }
  }
  return leftOver;
}

/** wandb-history.jsonl (wandb < 0.10): one JSON object per history row. */
async function readHistoryJsonl(file: string, log: WandbRunLog, ctx: ImportContext | null, maxRows: number): Promise<void> {
  await readLines(file, ctx, (buf, start, end, line) => {
    const text = buf.toString('utf8', start, end).trim();
    if (text === '') return;
    let row: unknown;
    try {
      row = parsePythonJson(text);
    } catch {
      throw new ImportError(file, { line }, 'not valid JSON');
    }
    if (!isObject(row)) throw new ImportError(file, { line }, 'expected a JSON object (one history row)');
    log.historyRow(Object.entries(row).map(([path, value]) => ({ path, value })), undefined, { line });
    return log.rows < maxRows;
  });
}

function startTime(log: WandbRunLog): string {
  const start = log.run?.start_time;
  if (!start) return '';
  const ms = toNumber(start.seconds) * 1000 + Math.round(start.nanos / 1e6);
  return ms > 0 ? new Date(ms).toISOString() : '';
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

/** The run's parameters: its config, its identity under `wandb/`, its summary under `summary/`. */
function runParams(log: WandbRunLog, config: Map<string, unknown>, summary: Map<string, unknown>, metadata: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  const set = (name: string, value: string) => {
    if (value !== '') params[name] = value;
  };
  for (const [key, value] of config) if (key !== '_wandb') leavesIn(key, value, set);
  const run = log.run;
  const internal = config.get('_wandb');
  const git = isObject(metadata['git']) ? metadata['git'] : {};
  set('wandb/run_id', run?.run_id ?? '');
  set('wandb/project', run?.project ?? '');
  set('wandb/entity', run?.entity ?? '');
  set('wandb/group', run?.run_group ?? '');
  set('wandb/job_type', run?.job_type ?? '');
  set('wandb/sweep_id', run?.sweep_id ?? '');
  set('wandb/host', run?.host || text(metadata['host']));
  set('wandb/start_time', startTime(log) || text(metadata['startedAt']));
  set('wandb/program', text(metadata['program']));
  set('wandb/python', text(metadata['python']));
  set('wandb/git_remote', run?.git?.remote_url || text(git['remote']));
  set('wandb/git_commit', run?.git?.commit || text(git['commit']));
  set('wandb/cli_version', isObject(internal) ? text(internal['cli_version']) : '');
  set('wandb/state', runState(log));
  if (log.exit) set('wandb/exit_code', String(log.exit.exit_code));
  for (const [key, value] of summary) if (key !== '_wandb') leavesIn(`summary/${key}`, value, set);
  return params;
}

/**
 * W&B's words: an exit record means the run ended, with its process's exit code (0 finished, else
 * failed); without one the run was killed before W&B could write it, or is still running.
 */
function runState(log: WandbRunLog): string {
  if (!log.exit) return 'crashed or still running (no exit record)';
  return log.exit.exit_code === 0 ? 'finished' : `failed (exit code ${log.exit.exit_code})`;
}

/**
 * The display name with the run id: W&B users reuse names across runs ("First try" twice in one
 * wandb/ folder), the id tells them apart. Offline runs have no display name: the folder's.
 */
function runName(log: WandbRunLog, fallback: string): string {
  const name = log.run?.display_name;
  if (!name) return fallback;
  return log.run?.run_id ? `${name} (${log.run.run_id})` : name;
}

/** Writers by metric name, so that each point costs one map look-up. */
function metricSink(run: RunWriter): HistorySink {
  const writers = new Map<string, MetricWriter | null>();
  return {
    point(name, step, value) {
      let writer = writers.get(name);
      if (writer === undefined) writers.set(name, (writer = run.metric(name)));
      writer?.add(step, value);
    },
  };
}

/** The run's files as the folder walk found them (wandbRunFiles): a run folder's logs, or the .wandb file chosen. */
function runFiles(source: Source): WandbRunFiles {
  const dir = source.path === source.files[0] ? dirname(source.path) : source.path;
  const files: WandbRunFiles = { dir, logs: source.files, kind: /\.jsonl$/i.test(source.files[0] ?? '') ? 'history-jsonl' : 'datastore' };
  if (files.logs.length > 0) return files;
  throw new ImportError(files.dir, null, 'this W&B run folder has no run log (run-<id>.wandb, or wandb-history.jsonl before wandb 0.10); wandb-summary.json holds only the last values');
}

/** The run's name from the first records; the rest is read, and the details written, by `read`. */
export async function prepareWandb(source: Source): Promise<ReadyRun> {
  const files = runFiles(source);
  const head = new WandbRunLog(files.logs[0]!, null);
  if (files.kind === 'datastore') {
    for (const file of files.logs) await readWandbRecords(file, null, (data, record, offset) => head.record(data, record, offset), HEAD_RECORDS);
  }
  return {
    name: runName(head, source.name),
    params: {},
    write: async (run, ctx) => {
      const log = new WandbRunLog(files.logs[0]!, metricSink(run));
      run.bytesLeftOver = await readHistory(files, log, ctx);
      const configFile = await readConfigFile(files.dir);
      const config = log.hasConfig ? log.config : (configFile ?? new Map<string, unknown>());
      // W&B's own cli_version is filled in only in the config file when the log's is empty.
      const internal = config.get('_wandb');
      if (configFile?.has('_wandb') && !(isObject(internal) && Object.keys(internal).length > 0)) config.set('_wandb', configFile.get('_wandb'));
      // wandb-summary.json is the summary W&B shows and syncs, rewritten as the run goes: it can be
      // ahead of a log whose last records were lost. The log's summary records otherwise.
      const summaryFile = await readSummaryFile(files.dir);
      const summary = summaryFile && Object.keys(summaryFile).length > 0 ? new Map(Object.entries(summaryFile)) : log.summary;
      run.store.setRunDetails(run.id, runParams(log, config, summary, await readMetadataFile(files.dir)), log.run?.notes ?? '', log.run?.tags ?? []);
    },
  };
}

/** The metrics and first history rows of a run, from its first records. */
export async function previewWandb(source: Source): Promise<Omit<PreviewRun, 'source'>> {
  const files = runFiles(source);
  const names = new Set<string>();
  const rows: { step: number; values: Map<string, number> }[] = [];
  const log = new WandbRunLog(files.logs[0]!, {
    point: (name) => names.add(name),
    row: (step, values) => {
      if (rows.length < FIRST_ROWS) rows.push({ step, values });
    },
  });
  await readHistory(files, log, null, PREVIEW_RECORDS);
  const columns = [...names];
  const firstRows = rows.map((r) => [String(r.step), ...columns.map((c) => (r.values.has(c) ? String(r.values.get(c)) : ''))]);
  return {
    name: runName(log, source.name),
    format: 'wandb',
    stepColumn: null,
    metrics: columns.map((name) => ({ name, role: roleOf(name), imported: true })),
    columns: ['step', ...columns],
    firstRows,
  };
}
