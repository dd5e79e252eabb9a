// Every log under ../shared/samples imports, with the runs, metrics and point counts that
// MANIFEST.md lists for it, and values checked against the files themselves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedRun, ImportSummary } from '../../src-shared/api/import-types';
import { querySeries } from '../db/points';
import { importPaths, previewImport } from './index';
import { freshDbEachTest, sample } from './test-support';

const t = freshDbEachTest();

function points(summary: ImportSummary | ImportedRun): Record<string, number> {
  const run = 'runs' in summary ? summary.runs[0]! : summary;
  return Object.fromEntries(run.metrics.map((m) => [m.name, m.points]));
}

function runNamed(summary: ImportSummary, suffix: string): ImportedRun {
  const run = summary.runs.find((r) => r.name.endsWith(suffix));
  if (!run) throw new Error(`no run ending in ${suffix}: ${summary.runs.map((r) => r.name).join(', ')}`);
  return run;
}

/** All points of a metric, exactly. */
function series(runId: number, metric: string): { steps: number[]; values: number[] } {
  const row = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(runId, metric)!;
  const s = querySeries(t.db, row.id, { maxPoints: 1_000_000 });
  expect(s.exact).toBe(true);
  return { steps: Array.from(s.steps), values: Array.from(s.values) };
}

function role(summary: ImportSummary, metric: string): string | undefined {
  return summary.runs[0]!.metrics.find((m) => m.name === metric)?.role;
}

describe('generated/ (CSV and JSONL of the same runs)', () => {
  it.each(['digits_mlp_sgd_tf_exponential_decay_staircase', 'digits_mlp_adam_tf_cosine_decay', 'digits_mlp_sgd_torch_onecycle'])('%s: metrics.csv and metrics.jsonl give the same points', async (dir) => {
    const csv = await importPaths(t.db, [sample(`generated/${dir}/metrics.csv`)]);
    const jsonl = await importPaths(t.db, [sample(`generated/${dir}/metrics.jsonl`)]);
    expect(csv.runs[0]!.format).toBe('csv');
    expect(jsonl.runs[0]!.format).toBe('jsonl');
    const steps = dir.includes('onecycle') ? 2000 : 3000;
    expect(points(csv)).toMatchObject({ loss: steps, lr: steps, val_loss: steps / 100 + 1, epoch: steps + 1 });
    expect(points(jsonl)).toEqual(points(csv));
    expect(role(csv, 'lr')).toBe('lr');
    expect(role(csv, 'val_loss')).toBe('loss');
    expect(role(csv, 'epoch')).toBe('epoch');
    // The lr column, value for value, as the file writes it.
    const lines = readFileSync(sample(`generated/${dir}/metrics.csv`), 'utf8').trim().split('\n');
    const lrColumn = lines[0]!.split(',').indexOf('lr');
    const fromFile = lines.slice(1).map((l) => l.split(',')[lrColumn]!).filter((v) => v !== '').map(Number);
    expect(series(csv.runs[0]!.id, 'lr').values).toEqual(fromFile);
    expect(series(jsonl.runs[0]!.id, 'lr').values).toEqual(fromFile);
  });
});

describe('hf_trainer_state/', () => {
  it('t5: 430 training entries every 500 steps, one final summary', async () => {
    const s = await importPaths(t.db, [sample('hf_trainer_state/t5_summarization_trainer_state.json')]);
    expect(s.runs[0]!.format).toBe('trainer-state');
    expect(points(s)).toMatchObject({ loss: 430, learning_rate: 430, grad_norm: 430, epoch: 431, train_loss: 1, train_runtime: 1 });
    expect(role(s, 'learning_rate')).toBe('lr');
    const lr = series(s.runs[0]!.id, 'learning_rate');
    expect(lr.steps[0]).toBe(500);
    expect(lr.steps.at(-1)).toBe(215000);
    expect(lr.values[0]).toBe(4.9883902905678084e-5);
    expect(series(s.runs[0]!.id, 'loss').values[0]).toBe(1.9963);
  });

  it('whisper: 200 training entries and 5 evaluation entries at their own steps', async () => {
    const s = await importPaths(t.db, [sample('hf_trainer_state/whisper_large_v2_japanese_trainer_state.json')]);
    expect(points(s)).toMatchObject({ loss: 200, learning_rate: 200, eval_loss: 5, eval_wer: 5, epoch: 206 });
    expect(series(s.runs[0]!.id, 'eval_loss').steps).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(series(s.runs[0]!.id, 'learning_rate').steps.slice(0, 3)).toEqual([25, 50, 75]);
  });
});

describe('lightning_csv/ (sparse rows)', () => {
  it('erav2: lr rows and metric rows share steps; epoch is a metric', async () => {
    const s = await importPaths(t.db, [sample('lightning_csv/erav2_session13_resnet18_onecycle/metrics.csv')]);
    expect(s.runs[0]!.format).toBe('lightning-csv');
    expect(points(s)).toMatchObject({ 'lr-SGD': 55, train_loss_step: 55, valid_loss: 35, train_loss_epoch: 35, test_loss: 1 });
    expect(role(s, 'lr-SGD')).toBe('lr');
    const lr = series(s.runs[0]!.id, 'lr-SGD');
    expect(lr.steps[0]).toBe(49);
    expect(lr.values[0]).toBe(0.004826167939678341);
    expect(Math.max(...lr.values)).toBeCloseTo(0.1, 2);
  });

  it('pl_wrapper: the val-batch step counter is monotonic per metric, so no restart is seen', async () => {
    const s = await importPaths(t.db, [sample('lightning_csv/pl_wrapper_cifar10_onecycle/metrics.csv')]);
    expect(points(s)).toMatchObject({ 'lr-SGD': 117, train_loss_step: 117, val_loss_step: 1200, val_loss_epoch: 30, train_loss_epoch: 30 });
    expect(s.runs[0]!.resumes).toEqual([]);
  });

  it('genrisk: a diverged GAN, NaN stored and counted', async () => {
    const s = await importPaths(t.db, [sample('lightning_csv/genrisk_gan_nan_version_0/metrics.csv')]);
    const byName = Object.fromEntries(s.runs[0]!.metrics.map((m) => [m.name, m]));
    expect(byName.train_disc_loss).toMatchObject({ points: 320, nanCount: 319 });
    expect(byName.train_gen_loss).toMatchObject({ points: 320, nanCount: 320 });
    expect(series(s.runs[0]!.id, 'train_disc_loss').values[0]).toBe(1.6226933508321501e24);
    expect(Number.isNaN(series(s.runs[0]!.id, 'train_gen_loss').values[5])).toBe(true);
    expect(s.runs[0]!.name).toBe('genrisk_gan_nan_version_0');
  });
});

describe('keras/ and plain_csv/', () => {
  it('Keras CSVLogger: a row per epoch, epoch is the step, ReduceLROnPlateau lr', async () => {
    const s = await importPaths(t.db, [sample('keras/brats2020_csvlogger/training.log')]);
    expect(s.runs[0]!.format).toBe('keras-csv');
    expect(Object.values(points(s))).toEqual(Array(12).fill(24));
    const lr = series(s.runs[0]!.id, 'lr');
    expect(lr.steps).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(lr.values[0]).toBe(0.001);
    expect(lr.values[23]).toBe(1e-6);
    expect(series(s.runs[0]!.id, 'loss').values[23]).toBe(0.02580178715288639);
  });

  it('Ultralytics results.csv: right-padded headers, three lr param groups', async () => {
    const s = await importPaths(t.db, [sample('plain_csv/ultralytics_yolov8_fire_smoke/results.csv')]);
    expect(Object.keys(points(s))).toContain('lr/pg0');
    expect(Object.values(points(s))).toEqual(Array(14).fill(25));
    expect(['lr/pg0', 'lr/pg1', 'lr/pg2'].map((m) => role(s, m))).toEqual(['lr', 'lr', 'lr']);
    expect(series(s.runs[0]!.id, 'lr/pg0').values[0]).toBe(0.070545);
    expect(series(s.runs[0]!.id, 'lr/pg0').steps.at(-1)).toBe(24);
  });

  it("Flair loss.tsv: tabs, '_' for not computed, the unnamed extra field dropped", async () => {
    const s = await importPaths(t.db, [sample('plain_csv/flair_ner_loss_tsv/loss.tsv')]);
    const p = points(s);
    expect(p).toMatchObject({ LEARNING_RATE: 10, TRAIN_LOSS: 10, DEV_LOSS: 10, DEV_PRECISION: 10 });
    expect(p).not.toHaveProperty('TIMESTAMP');
    expect(p).not.toHaveProperty('TRAIN_PRECISION');
    expect(series(s.runs[0]!.id, 'DEV_LOSS').values[0]).toBe(10.392085075378418);
    expect(series(s.runs[0]!.id, 'DEV_PRECISION').values[0]).toBe(0.6787);
  });
});

describe('mlflow/', () => {
  it('the mlruns folder: one run, its loss, params and tags as the run parameters', async () => {
    const s = await importPaths(t.db, [sample('mlflow/swahili_stt_keras_autolog/mlruns')]);
    expect(s.runs).toHaveLength(1);
    expect(s.runs[0]!.format).toBe('mlflow');
    // The loss file's timestamps (ms) are the run's clock.
    expect(points(s)).toEqual({ loss: 10, timestamp: 10 });
    const loss = series(s.runs[0]!.id, 'loss');
    expect(loss.steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(loss.values[9]).toBe(234.7978057861328);
    const params = JSON.parse(t.db.prepare<[number], { params_json: string }>('SELECT params_json FROM runs WHERE id = ?').get(s.runs[0]!.id)!.params_json);
    expect(params).toMatchObject({ opt_learning_rate: '0.002', opt_name: 'SGD', 'tags/mlflow.user': 'Maelaf ES' });
  });
});

describe('tensorboard/', () => {
  it('the whole logdir: one run per folder of event files, files of a run read in order', async () => {
    const s = await importPaths(t.db, [sample('tensorboard')]);
    const names = s.runs.map((r) => r.name);
    expect(names).toHaveLength(13); // 12 folders of event files and all_scalars.json
    expect(names).toContain('tensorboard/keras_tf2_imdb_model/validation');
    expect(points(runNamed(s, 'hf_t5_summarization/runs_Mar24_22-23-40'))).toMatchObject({
      'train/loss': 430,
      'train/learning_rate': 430,
      'train/grad_norm': 430,
      'train/epoch': 432,
      wall_time: 431,
      'eval/loss': 1,
      'eval/rouge1': 1,
    });
    expect(points(runNamed(s, 'lightning_pl_wrapper_version_0'))).toMatchObject({
      'lr-SGD': 117,
      train_loss_step: 117,
      val_loss_step: 1200,
      val_loss_epoch: 30,
      epoch: 178,
      wall_time: 147,
      test_loss_step: 40,
      test_loss_epoch: 1,
    });
    expect(points(runNamed(s, 'keras_tf2_imdb_model/train'))).toEqual({ epoch_loss: 20, epoch_accuracy: 20, wall_time: 20 });
    expect(points(runNamed(s, 'keras_tf2_imdb_model/validation'))).toEqual({
      epoch_loss: 20,
      epoch_accuracy: 20,
      evaluation_loss_vs_iterations: 20,
      evaluation_accuracy_vs_iterations: 20,
      wall_time: 20,
    });
    expect(points(runNamed(s, 'keras_tf2_mlflow_autolog_swahili/train'))).toEqual({ epoch_loss: 10, wall_time: 10 });
    expect(points(runNamed(s, 'tensorboardX_2018_linear_regression'))).toEqual({ Train: 60, wall_time: 60 });
    expect(points(runNamed(s, 'tensorboardX_2018_add_scalars_layout'))).toEqual({ 'scalar/test': 100, wall_time: 100 });
    expect(points(runNamed(s, 'scalars_test/xsinx'))).toEqual({ 'scalar/scalars_test': 100, wall_time: 100 });
    expect(points(runNamed(s, 'scalars_test/xcosx'))).toEqual({ 'scalar/scalars_test': 100, wall_time: 100 });
    expect(points(runNamed(s, 'classifier_mnist_0915'))).toEqual({ batch_loss: 30, Average: 30, wall_time: 10 });
    expect(points(runNamed(s, 'ultralytics_yolov8_fire_smoke'))).toMatchObject({ 'train/box_loss': 1375, 'metrics/mAP50(B)': 27, 'val/box_loss': 25, wall_time: 25 });
    // all_scalars.json (tensorboardX's JSON export) sits in the same tree.
    expect(points(runNamed(s, 'tensorboardX_2020_mnist_classifier'))).toEqual({ xsinx: 100, xcosx: 100, arctanx: 100 });
  });

  it('HF event file and trainer_state.json of the same run agree (float32 in the event file)', async () => {
    const tb = await importPaths(t.db, [sample('tensorboard/hf_t5_summarization/runs_Mar24_22-23-40')]);
    const lr = series(tb.runs[0]!.id, 'train/learning_rate');
    expect(lr.steps[0]).toBe(500);
    expect(lr.values[0]).toBe(Math.fround(4.9883902905678084e-5));
    expect(tb.runs[0]!.metrics.find((m) => m.name === 'train/learning_rate')!.role).toBe('lr');
  });

  it('TF2 Keras tensors (tensor_content) are read as scalars, histograms are not', async () => {
    const s = await importPaths(t.db, [sample('tensorboard/keras_tf2_imdb_model/train')]);
    const loss = series(s.runs[0]!.id, 'epoch_loss');
    expect(loss.steps).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(loss.values.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('a restart (steps 0..99 then 90..199) keeps the later values and records the resume', async () => {
    const s = await importPaths(t.db, [sample('tensorboard/torch_synthetic_duplicate_steps/run_1')]);
    // The file holds 210 events per tag; the 10 overlapping steps are replaced, as TensorBoard does.
    // The clock keeps the first attempt's times for steps 90..99 (a step that goes back adds no clock point).
    expect(points(s)).toEqual({ 'dup_steps/foo': 200, 'dup_steps/bar': 200, wall_time: 200 });
    expect(s.runs[0]!.resumes).toEqual([90]);
    expect(series(s.runs[0]!.id, 'dup_steps/foo').steps).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const resumes = t.db.prepare<[number], { step: number }>('SELECT step FROM run_resumes WHERE run_id = ?').all(s.runs[0]!.id);
    expect(resumes).toEqual([{ step: 90 }]);
  });
});

describe('wandb/', () => {
  // The run folder itself is read in wandb/sample.test.ts.
  it('wandb-summary.json alone is not a curve', async () => {
    await expect(importPaths(t.db, [sample('wandb/verysimpletransformer_run-20230329_020146-ruzz7bps/files/wandb-summary.json')])).rejects.toThrow(
      /wandb-summary\.json: unsupported format: .*not a training curve/,
    );
  });
});

describe('previewImport', () => {
  it('shows format, step column, metrics with roles and the first rows of a Lightning CSV', async () => {
    const p = await previewImport([sample('lightning_csv/erav2_session13_resnet18_onecycle/metrics.csv')]);
    expect(p.format).toBe('lightning-csv');
    const run = p.runs[0]!;
    expect(run.stepColumn).toBe('step');
    expect(run.columns[0]).toBe('lr-SGD');
    expect(run.metrics).toContainEqual({ name: 'lr-SGD', role: 'lr', imported: true });
    expect(run.metrics.map((m) => m.name)).not.toContain('step');
    expect(run.firstRows[0]!.slice(0, 2)).toEqual(['0.004826167939678341', '49']);
  });

  it('lists the scalar tags of an event file run', async () => {
    const p = await previewImport([sample('tensorboard/lightning_pl_wrapper_version_0')]);
    expect(p.format).toBe('tensorboard');
    expect(p.runs[0]!.metrics).toContainEqual({ name: 'lr-SGD', role: 'lr', imported: true });
    expect(p.runs[0]!.metrics).toContainEqual({ name: 'wall_time', role: 'clock', imported: true });
    expect(p.runs[0]!.columns[0]).toBe('step');
    expect(p.runs[0]!.firstRows.length).toBeGreaterThan(0);
  });

  it('reads trainer_state.json and an MLflow run', async () => {
    const hf = await previewImport([sample('hf_trainer_state/whisper_large_v2_japanese_trainer_state.json')]);
    expect(hf.runs[0]!.stepColumn).toBe('step');
    expect(hf.runs[0]!.metrics).toContainEqual({ name: 'eval_loss', role: 'loss', imported: true });
    const ml = await previewImport([sample('mlflow/swahili_stt_keras_autolog/mlruns')]);
    expect(ml.runs[0]!.metrics).toEqual([
      { name: 'loss', role: 'loss', imported: true },
      { name: 'timestamp', role: 'clock', imported: true },
    ]);
  });
});
