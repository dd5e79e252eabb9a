// TensorBoard's hparams plugin data becomes the run's configuration. The event files in
// fixtures/hparams were written by torch's SummaryWriter and TensorBoard's own summary_v2 (see
// make_fixture.py); expected.json is what TensorBoard's own hparams metadata parser reads from them.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../index';
import { freshDbEachTest } from '../test-support';
import { EventType } from './event-proto';
import { tfRecord, versionEvent, scalarEvent } from './event-writer';

const FIXTURES = join(__dirname, 'fixtures', 'hparams');
const t = freshDbEachTest();

type Json = number | string | boolean;
interface Expected {
  hparams: Record<string, { session_start_info: { hparams: Record<string, Json>; group_name?: string }; session_end_info?: { status: string } }>;
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;

function paramsOf(source: string): Record<string, string> {
  const row = t.db.prepare<[string], { params_json: string }>('SELECT params_json FROM runs WHERE source_path = ?').get(source);
  expect(row, source).toBeDefined();
  return JSON.parse(row!.params_json) as Record<string, string>;
}

/** The configuration TensorBoard's parse gives, in lrscope's words (values as text, status by name). */
function configFromTensorBoard(folder: string): Record<string, string> {
  const run = expected.hparams[folder]!;
  const config: Record<string, string> = Object.fromEntries(Object.entries(run.session_start_info.hparams).map(([k, v]) => [k, String(v)]));
  if (run.session_start_info.group_name) config['tensorboard/trial_id'] = run.session_start_info.group_name;
  if (run.session_end_info) config['tensorboard/status'] = run.session_end_info.status.replace('STATUS_', '').toLowerCase();
  return config;
}

describe('TensorBoard hparams plugin data', () => {
  it('torch add_hparams: the hparams sub-run gets the configuration (torch 1.13 writes booleans as numbers), the main run none', async () => {
    const s = await importPaths(t.db, [join(FIXTURES, 'torch_add_hparams')]);
    expect(s.runs.map((r) => r.metrics.map((m) => m.name).sort())).toEqual([
      ['train/loss', 'train/lr', 'wall_time'],
      ['hparam/val_loss', 'wall_time'],
    ]);
    expect(paramsOf(join(FIXTURES, 'torch_add_hparams'))).toEqual({});
    const config = paramsOf(join(FIXTURES, 'torch_add_hparams', 'hparams'));
    expect(config).toEqual(configFromTensorBoard('torch_add_hparams/hparams'));
    expect(config).toEqual({ lr: '0.1', optimizer: 'SGD', nesterov: '1', batch_size: '32', 'tensorboard/status': 'success' });
  });

  it("Lightning's log_hyperparams: hparams and scalars in one event file", async () => {
    const s = await importPaths(t.db, [join(FIXTURES, 'lightning_style')]);
    expect(s.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([
      ['hp_metric', 1],
      ['wall_time', 9],
      ['train_loss', 8],
    ]);
    expect(paramsOf(join(FIXTURES, 'lightning_style'))).toEqual(configFromTensorBoard('lightning_style'));
  });

  it("TensorBoard's summary_v2 hparams_pb: values by type and the trial id; the study's config (domains) adds no value", async () => {
    await importPaths(t.db, [join(FIXTURES, 'tf_summary_v2')]);
    const config = paramsOf(join(FIXTURES, 'tf_summary_v2'));
    expect(config).toEqual(configFromTensorBoard('tf_summary_v2'));
    expect(config).toEqual({ learning_rate: '0.0005', dropout: '0.2', optimizer: 'adam', use_bn: 'true', 'tensorboard/trial_id': 'trial-7' });
  });

  it('the log’s hparams win over a config file beside it; the file’s other keys stay', async () => {
    const dir = join(t.dir, 'run');
    mkdirSync(dir);
    for (const n of readdirSync(join(FIXTURES, 'tf_summary_v2'))) copyFileSync(join(FIXTURES, 'tf_summary_v2', n), join(dir, n));
    writeFileSync(join(dir, 'args.json'), JSON.stringify({ dropout: 0.5, seed: 3 }));
    await importPaths(t.db, [dir]);
    expect(paramsOf(dir)).toMatchObject({ dropout: '0.2', seed: '3', optimizer: 'adam' });
  });

  it('plugin data that is not an HParamsPluginData is an error naming the file and the record, and nothing is written', async () => {
    const bad = EventType.encode(
      EventType.fromObject({
        wall_time: 1.7e9,
        step: 0,
        summary: { value: [{ tag: '_hparams_/session_start_info', metadata: { plugin_data: { plugin_name: 'hparams', content: Buffer.from([0x1a, 0x05, 0x0a]) } } }] },
      }),
    ).finish();
    const file = join(t.dir, 'events.out.tfevents.1700000000.host');
    writeFileSync(file, Buffer.concat([tfRecord(versionEvent()), tfRecord(scalarEvent(0, 'loss', 1)), tfRecord(bad)]));
    await expect(importPaths(t.db, [file])).rejects.toThrow(/events\.out\.tfevents\.1700000000\.host.*record 3.*HParamsPluginData/);
    expect(t.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 0 });
  });
});
