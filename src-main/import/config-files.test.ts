// Configuration beside a log: read from the real files in ../shared/samples, stored as the run's
// parameters; a broken one is refused by name and line, and nothing is written.
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configBeside, readConfigFile } from './config-files';
import { importPaths } from './index';
import { freshDbEachTest, sample } from './test-support';

const t = freshDbEachTest();
const paramsOf = (runId: number) =>
  JSON.parse(t.db.prepare<[number], { params_json: string }>('SELECT params_json FROM runs WHERE id = ?').get(runId)!.params_json) as Record<string, string>;

describe('configuration files beside a log', () => {
  it('generated runs: run.json, flattened to dotted keys, stored with the run', async () => {
    const s = await importPaths(t.db, [sample('generated/digits_mlp_sgd_torch_onecycle/metrics.csv')]);
    const params = paramsOf(s.runs[0]!.id);
    expect(params).toMatchObject({
      'schedule.name': 'torch_onecycle',
      'schedule.params.max_lr': '0.2',
      'schedule.params.total_steps': '2000',
      'schedule.params.three_phase': 'false',
      'optimizer.type': 'SGD',
      'task.batch_size': '32',
      seed: '3',
      columns: '["step","loss","lr","momentum","val_loss","epoch","wall_time"]',
    });
  });

  it("Lightning's hparams.yaml", async () => {
    const s = await importPaths(t.db, [sample('lightning_csv/erav2_session13_resnet18_onecycle/metrics.csv')]);
    expect(paramsOf(s.runs[0]!.id)).toEqual({ batch_size: '512', lr: '0.002' });
  });

  it("an empty hparams.yaml ({}) gives no parameters", async () => {
    const s = await importPaths(t.db, [sample('lightning_csv/genrisk_gan_nan_version_0/metrics.csv')]);
    expect(paramsOf(s.runs[0]!.id)).toEqual({});
  });

  it("Ultralytics' args.yaml beside results.csv, nulls and empty strings kept as written", async () => {
    const s = await importPaths(t.db, [sample('plain_csv/ultralytics_yolov8_fire_smoke/results.csv')]);
    expect(paramsOf(s.runs[0]!.id)).toMatchObject({ optimizer: 'SGD', epochs: '25', batch: '16', imgsz: '800', project: 'null', device: '', cos_lr: 'false' });
  });

  it("W&B's config.yaml: each {desc, value} read as its value", async () => {
    const config = await readConfigFile(sample('wandb/verysimpletransformer_run-20230329_020146-ruzz7bps/files/config.yaml'));
    expect(config).toMatchObject({ dataset: 'IMDB', '_wandb.cli_version': '0.14.0', wandb_version: '1' });
    expect(Object.keys(config).some((k) => k.endsWith('.desc'))).toBe(false);
  });

  it('earlier files win over later ones; the log’s own parameters over every file', async () => {
    const dir = join(t.dir, 'run');
    mkdirSync(dir);
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ lr: 0.1, seed: 1, global_step: -1 }));
    writeFileSync(join(dir, 'args.json'), JSON.stringify({ lr: 0.5, batch: 64 }));
    expect(await configBeside(dir)).toEqual({ lr: '0.1', seed: '1', batch: '64', global_step: '-1' });
    copyFileSync(sample('hf_trainer_state/whisper_large_v2_japanese_trainer_state.json'), join(dir, 'trainer_state.json'));
    const s = await importPaths(t.db, [join(dir, 'trainer_state.json')]);
    expect(paramsOf(s.runs[0]!.id)).toMatchObject({ lr: '0.1', batch: '64', global_step: '5000' });
  });

  it('a broken config.yaml is refused with its file and line, and nothing is written', async () => {
    const dir = join(t.dir, 'broken');
    mkdirSync(dir);
    copyFileSync(sample('generated/digits_mlp_adam_tf_cosine_decay/metrics.csv'), join(dir, 'metrics.csv'));
    writeFileSync(join(dir, 'config.yaml'), 'lr: 0.1\nbatch: [64\nseed: 3\n');
    await expect(importPaths(t.db, [join(dir, 'metrics.csv')])).rejects.toThrow(/config\.yaml: line \d+: not valid YAML/);
    expect(t.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 0 });
  });

  it('a config that is a list, or has thousands of keys, is refused', async () => {
    const dir = join(t.dir, 'odd');
    mkdirSync(dir);
    writeFileSync(join(dir, 'args.json'), '[1, 2]');
    await expect(readConfigFile(join(dir, 'args.json'))).rejects.toThrow(/args\.json: expected a mapping/);
    writeFileSync(join(dir, 'params.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`k${i}`, i]))));
    await expect(readConfigFile(join(dir, 'params.json'))).rejects.toThrow(/more than 2000 settings/);
  });
});
