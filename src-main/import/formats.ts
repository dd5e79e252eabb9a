// The one registry of import formats: for each, how its logs are recognised (detect), what the
// preview shows (preview) and how a run is read (read). The folder walk (sources.ts), detection
// (detect.ts), the preview (preview.ts) and the import (import.ts) only go through this list.
// Adding a format: its name in IMPORT_FORMATS (src-shared/api/import-types.ts, what the contract
// and the Format menu know) and its entry here; the compiler refuses one without the other.
import { basename } from 'node:path';
import type { ImportFormat, ImportMapping } from '../../src-shared/api/import-types';
import { importCsv } from './csv';
import type { SourcePreview } from './format-previews';
import { isKerasCsv, isLightningCsv, isTable, looksLikeJsonLine, type TextHead } from './log-head';
import { importMlflowRun, isMlflowRun, mlflowMetricFiles, mlflowParams, mlflowRunName } from './mlflow';
import type { ReadyRun } from './run-writer';
import type { Source } from './sources';
import { EVENT_FILE, looksLikeTfRecord } from './tensorboard/tfrecord';
import { looksLikeWandbLog } from './wandb/datastore';
import { isWandbRunFolder, WANDB_LOG, wandbRunFiles } from './wandb/run-folder';

// Detection stays static and light (names, first bytes, a folder's files). The previews (the import
// dialog's) and the readers of the other formats are loaded when a file of theirs is met: the
// TensorBoard and W&B readers bring protobufjs (110 KB), so a CSV import, and every `lrscope
// import` process, no longer parses and evaluates them at start (issue 15: whole-process start-up).
// esbuild's --splitting makes each a chunk of its own.
const previews = () => import('./format-previews');
const tensorboard = () => import('./tensorboard/import');
const wandb = () => import('./wandb/import');
const trainerState = () => import('./trainer-state');
const scalarsJson = () => import('./scalars-json');
const jsonl = () => import('./jsonl');

/** How a format recognises its logs. Formats are asked in the registry's order: the first to claim a file or folder has it. */
export interface Detect {
  /** By the file's name alone, before it is read. */
  name?(name: string): boolean;
  /** By the first bytes of a binary log. */
  binary?(head: Buffer): boolean;
  /** By the start of a text log. */
  text?(head: TextHead): boolean;
  /** A folder that is one run: the files the run is read from, and its name; null when it is not one. */
  folder?(dir: string): Promise<{ files: string[]; name: string } | null>;
}

export interface FormatEntry {
  format: ImportFormat;
  detect: Detect;
  /** All the files of one folder make one run (TensorBoard: a run writes a new event file at each restart). */
  runPerFolder?: boolean;
  /** Flavours of one reader: a user who picks one of them gets files detected as another. */
  family?: 'csv';
  preview(source: Source): Promise<SourcePreview>;
  /** The run's name and parameters, known before its row is written; then `write` reads the points. */
  read(source: Source, mapping: ImportMapping): Promise<ReadyRun>;
}

/** Most formats are named by the naming rule (sources.ts) and carry no parameters of their own. */
const named = (source: Source, write: ReadyRun['write']): ReadyRun => ({ name: source.name, params: {}, write });

function csvEntry<F extends ImportFormat>(format: F, text: (t: TextHead) => boolean): FormatEntry & { format: F } {
  return {
    format,
    detect: { text },
    family: 'csv',
    preview: async (source) => (await previews()).previewTable(source),
    read: async (source, mapping) => named(source, (run, ctx) => importCsv(source.files[0]!, run, ctx, mapping.stepColumn)),
  };
}

/** tensorboardX's export_scalars_to_json: {"<run>/<tag>": [[wall_time, step, value], …], …} */
const SCALARS_JSON = /^\s*\{\s*"[^"]*"\s*:\s*\[\s*\[/;

/** In detection order: names before contents, binary before text, the JSON formats before JSON lines, the CSV flavours before plain CSV. */
const LIST = [
  {
    format: 'tensorboard',
    detect: { name: (name) => EVENT_FILE.test(name), binary: looksLikeTfRecord },
    runPerFolder: true,
    preview: async (source) => (await previews()).previewEvents(source),
    read: async (source) => {
      const { importEventFiles } = await tensorboard();
      return named(source, (run, ctx) => importEventFiles(source.files, run, ctx));
    },
  },
  {
    format: 'wandb',
    detect: {
      name: (name) => WANDB_LOG.test(name),
      binary: looksLikeWandbLog,
      folder: async (dir) => (isWandbRunFolder(dir) ? { files: wandbRunFiles(dir).logs, name: basename(dir) } : null),
    },
    preview: async (source) => (await wandb()).previewWandb(source),
    read: async (source) => (await wandb()).prepareWandb(source),
  },
  {
    format: 'mlflow',
    detect: {
      folder: async (dir) => (isMlflowRun(dir) ? { files: await mlflowMetricFiles(dir), name: await mlflowRunName(dir) } : null),
    },
    preview: async (source) => (await previews()).previewMlflow(source),
    read: async (source) => ({ name: source.name, params: await mlflowParams(source.path), write: (run, ctx) => importMlflowRun(source.path, source.files, run, ctx) }),
  },
  {
    format: 'trainer-state',
    detect: { text: (t) => t.json && (/"log_history"\s*:/.test(t.text) || t.name === 'trainer_state.json') },
    preview: async (source) => (await previews()).previewTrainerState(source),
    read: async (source, mapping) => {
      const file = source.files[0]!;
      const { importTrainerState, readTrainerState } = await trainerState();
      const { entries, params } = await readTrainerState(file);
      return { name: source.name, params, write: (run, ctx) => importTrainerState(file, run, ctx, entries, mapping.stepColumn) };
    },
  },
  {
    format: 'scalars-json',
    detect: { text: (t) => t.json && SCALARS_JSON.test(t.text) },
    preview: async (source) => (await previews()).previewScalarsJson(source),
    read: async (source) => {
      const { importScalarsJson, readScalarsJson } = await scalarsJson();
      const series = await readScalarsJson(source.files[0]!);
      return named(source, (run, ctx) => importScalarsJson(source.files[0]!, run, ctx, series));
    },
  },
  {
    format: 'jsonl',
    detect: { text: (t) => t.json && t.lines.length > 0 && looksLikeJsonLine(t.lines[0]!) },
    preview: async (source) => (await previews()).previewJsonLines(source),
    read: async (source, mapping) => {
      const { importJsonl } = await jsonl();
      return named(source, (run, ctx) => importJsonl(source.files[0]!, run, ctx, mapping.stepColumn));
    },
  },
  csvEntry('lightning-csv', isLightningCsv),
  csvEntry('keras-csv', isKerasCsv),
  csvEntry('csv', isTable),
] as const satisfies readonly FormatEntry[];

// Every name the contract knows has an entry, and every entry a name: a compile error otherwise.
type Listed = (typeof LIST)[number]['format'];
const everyFormatListed: [Exclude<ImportFormat, Listed>] extends [never] ? true : never = true;
void everyFormatListed;

export const FORMATS: readonly FormatEntry[] = LIST;

const BY_NAME = new Map(FORMATS.map((entry) => [entry.format, entry]));

export function formatEntry(format: ImportFormat): FormatEntry {
  return BY_NAME.get(format)!;
}
