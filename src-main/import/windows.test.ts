// Logs written on Windows: CRLF line ends, backslash paths (folder imports, run names, MLflow
// metric folders), backslashes inside TensorBoard and tensorboardX tags, drive letters in MLflow's
// artifact_uri. Paths are checked with Node's win32 path functions, so this runs on any platform.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src-shared/api/import-types';
import { querySeries } from '../db/points';
import { importPaths } from './index';
import { keyOf } from './mlflow';
import { metricNames } from './scalars-json';
import { eventRunName, fileRunName } from './sources';
import { scalarEvent, tfRecord, versionEvent } from './tensorboard/event-writer';
import { freshDbEachTest, sample } from './test-support';

const t = freshDbEachTest();

/** Every metric of every run, with all its points, by run name. */
function contents(summary: ImportSummary): Record<string, Record<string, { steps: number[]; values: number[] }>> {
  const out: Record<string, Record<string, { steps: number[]; values: number[] }>> = {};
  for (const run of summary.runs) {
    out[run.name] = {};
    for (const metric of run.metrics) {
      const row = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(run.id, metric.name)!;
      const s = querySeries(t.db, row.id, { maxPoints: 1_000_000 });
      out[run.name]![metric.name] = { steps: Array.from(s.steps), values: Array.from(s.values) };
    }
  }
  return out;
}

/** A copy of a sample file or folder with its line ends made `eol` (some samples were written on Windows). */
function copyWithLineEnds(from: string, to: string, eol: '\n' | '\r\n'): string {
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) copyWithLineEnds(join(from, entry), join(to, entry), eol);
  } else {
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(from, 'utf8').replace(/\r?\n/g, eol));
  }
  return to;
}

function firstFile(path: string): string {
  return statSync(path).isDirectory() ? firstFile(join(path, readdirSync(path).sort()[0]!)) : path;
}

describe('CRLF files import exactly as their LF originals', () => {
  const samples = [
    ['Keras CSVLogger', 'keras/brats2020_csvlogger/training.log'],
    ['Lightning CSVLogger folder', 'lightning_csv/erav2_session13_resnet18_onecycle'],
    ['Ultralytics results.csv', 'plain_csv/ultralytics_yolov8_fire_smoke/results.csv'],
    ['Flair loss.tsv', 'plain_csv/flair_ner_loss_tsv/loss.tsv'],
    ['JSONL', 'generated/digits_mlp_sgd_torch_onecycle/metrics.jsonl'],
    ['trainer_state.json', 'hf_trainer_state/whisper_large_v2_japanese_trainer_state.json'],
    ['MLflow run folder (metrics, params, tags, meta.yaml)', 'mlflow/swahili_stt_keras_autolog/mlruns'],
  ];
  it.each(samples)('%s', async (_label, path) => {
    // The same folder names under lf/ and crlf/, so that the run names (often the folder's) agree.
    const tail = path.split('/').slice(-2).join('/');
    const lf = await importPaths(t.db, [copyWithLineEnds(sample(path), join(t.dir, 'lf', tail), '\n')]);
    const crlf = await importPaths(t.db, [copyWithLineEnds(sample(path), join(t.dir, 'crlf', tail), '\r\n')]);
    expect(readFileSync(firstFile(join(t.dir, 'crlf', tail)), 'utf8')).toContain('\r\n');
    expect(crlf.runs.map((r) => [r.name, r.format, r.metrics.length])).toEqual(lf.runs.map((r) => [r.name, r.format, r.metrics.length]));
    expect(contents(crlf)).toEqual(contents(lf));
    const params = (id: number) => t.db.prepare<[number], { params_json: string }>('SELECT params_json FROM runs WHERE id = ?').get(id)!.params_json;
    expect(params(crlf.runs[0]!.id)).toBe(params(lf.runs[0]!.id)); // no \r left in a parameter
  });
});

describe('Windows paths', () => {
  it('run names from files: the folder when the file name says nothing, Lightning version folders kept', () => {
    expect(fileRunName('C:\\Users\\ada\\runs\\resnet-a\\metrics.csv', false, win32)).toBe('resnet-a');
    expect(fileRunName('C:\\Users\\ada\\runs\\resnet-a.csv', false, win32)).toBe('resnet-a');
    expect(fileRunName('D:\\work\\lightning_logs\\version_3\\metrics.csv', false, win32)).toBe('lightning_logs/version_3');
  });

  it('run names of event-file folders under the chosen folder use / on every platform', () => {
    expect(eventRunName('C:\\Users\\ada\\tb', 'C:\\Users\\ada\\tb\\exp1\\train', win32)).toBe('tb/exp1/train');
    expect(eventRunName('C:\\Users\\ada\\tb', 'C:\\Users\\ada\\tb', win32)).toBe('tb');
    expect(eventRunName('\\\\server\\share\\logs', '\\\\server\\share\\logs\\run1', win32)).toBe('logs/run1');
  });

  it("MLflow metric names from nested metric folders ('train/loss' is metrics\\train\\loss)", () => {
    expect(keyOf('C:\\mlruns\\0\\ab12\\metrics', 'C:\\mlruns\\0\\ab12\\metrics\\train\\loss', win32)).toBe('train/loss');
  });

  it('a backslash in a Linux or macOS folder name is part of the name, not a separator', async () => {
    const dir = join(t.dir, 'exp\\a');
    mkdirSync(dir);
    writeFileSync(join(dir, 'events.out.tfevents.1.host'), Buffer.concat([tfRecord(versionEvent()), tfRecord(scalarEvent(0, 'loss', 1))]));
    const s = await importPaths(t.db, [t.dir]);
    expect(s.runs.map((r) => r.name)).toEqual([`${t.dir.split('/').at(-1)}/exp\\a`]);
  });
});

describe('backslashes in tags', () => {
  it('TensorBoard tags keep their backslashes, verbatim', async () => {
    const tags = ['train\\loss', 'C:\\runs\\exp1/lr'];
    const records = [tfRecord(versionEvent()), ...[0, 1, 2].flatMap((step) => tags.map((tag, i) => tfRecord(scalarEvent(step, tag, step + i / 10))))];
    writeFileSync(join(t.dir, 'events.out.tfevents.1700000000.DESKTOP-1.1234.0'), Buffer.concat(records));
    const s = await importPaths(t.db, [t.dir]);
    expect(contents(s)[s.runs[0]!.name]).toEqual({
      'train\\loss': { steps: [0, 1, 2], values: [0, 1, 2] },
      'C:\\runs\\exp1/lr': { steps: [0, 1, 2], values: [Math.fround(0.1), Math.fround(1.1), Math.fround(2.1)] },
      wall_time: { steps: [0, 1, 2], values: [1.7e9, 1.7e9 + 1, 1.7e9 + 2] },
    });
  });

  it('tensorboardX JSON keys: the Windows logdir is dropped, a backslash inside the tag is kept', () => {
    const logdir = 'runs\\Sep14_16-17-51_DESKTOP-1';
    expect(metricNames([`${logdir}/loss`, `${logdir}/lr`])).toEqual(new Map([[`${logdir}/loss`, 'loss'], [`${logdir}/lr`, 'lr']]));
    expect(metricNames([`C:\\Users\\ada\\${logdir}/loss\\smoothed`])).toEqual(new Map([[`C:\\Users\\ada\\${logdir}/loss\\smoothed`, 'loss\\smoothed']]));
  });
});

describe("MLflow runs written on Windows", () => {
  it("a drive letter in meta.yaml's artifact_uri, CRLF everywhere: the run imports from where it is", async () => {
    const run = join(t.dir, 'mlruns', '0', '4f2c9e1ab0d34c8f9a7e6b5d4c3b2a10');
    mkdirSync(join(run, 'metrics', 'train'), { recursive: true });
    mkdirSync(join(run, 'params'));
    mkdirSync(join(run, 'tags'));
    writeFileSync(join(run, 'meta.yaml'), [
      'artifact_uri: file:///D:/Users/ada/projects/mlruns/0/4f2c9e1ab0d34c8f9a7e6b5d4c3b2a10/artifacts',
      'experiment_id: \'0\'', 'lifecycle_stage: active', 'run_id: 4f2c9e1ab0d34c8f9a7e6b5d4c3b2a10', 'status: 3', '',
    ].join('\r\n'));
    writeFileSync(join(run, 'metrics', 'train', 'loss'), '1700000000000 0.9 0\r\n1700000001000 0.5 10\r\n1700000002000 0.25 20\r\n');
    writeFileSync(join(run, 'metrics', 'lr'), '1700000000000 0.1 0\r\n1700000002000 0.01 20\r\n');
    writeFileSync(join(run, 'params', 'learning_rate'), '0.1\r\n');
    writeFileSync(join(run, 'tags', 'mlflow.runName'), 'windows run\r\n');
    const s = await importPaths(t.db, [join(t.dir, 'mlruns')]);
    expect(s.runs.map((r) => [r.name, r.format])).toEqual([['windows run', 'mlflow']]);
    expect(contents(s)['windows run']).toEqual({
      lr: { steps: [0, 20], values: [0.1, 0.01] },
      'train/loss': { steps: [0, 10, 20], values: [0.9, 0.5, 0.25] },
      // The clock: the first metric file's timestamps (lr, in name order), in milliseconds.
      timestamp: { steps: [0, 20], values: [1700000000000, 1700000002000] },
    });
    const row = t.db.prepare<[number], { source_path: string; params_json: string }>('SELECT source_path, params_json FROM runs WHERE id = ?').get(s.runs[0]!.id)!;
    expect(row.source_path).toBe(run);
    expect(JSON.parse(row.params_json)).toMatchObject({ learning_rate: '0.1', 'tags/mlflow.runName': 'windows run' });
  });

  it('the real Windows-written sample (artifact_uri file:///C:/Users/…) imports', async () => {
    const meta = readFileSync(sample('mlflow/swahili_stt_keras_autolog/mlruns/1/ed05f9cd599442fe9a0c9222184710b8/meta.yaml'), 'utf8');
    expect(meta).toMatch(/^artifact_uri: file:\/\/\/C:\//);
    const copy = join(t.dir, 'copy');
    cpSync(sample('mlflow/swahili_stt_keras_autolog/mlruns'), copy, { recursive: true });
    const s = await importPaths(t.db, [copy]);
    expect(s.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([['loss', 10], ['timestamp', 10]]);
  });
});
