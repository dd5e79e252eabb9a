// Folders holding several runs and formats: every source is its own run with its own detected
// format, names never collide, and preview and import agree (issue 9, items 1 and 2).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, previewImport } from './index';
import { freshDbEachTest, sample } from './test-support';

const t = freshDbEachTest();

describe('two logs of one run in one folder (metrics.csv + metrics.jsonl)', () => {
  const folder = sample('generated/digits_mlp_adam_tf_cosine_decay');

  it('previews two runs with unique names, each with its own format and source', async () => {
    const preview = await previewImport([folder]);
    expect(preview.runs.map((r) => [r.name, r.format])).toEqual([
      ['digits_mlp_adam_tf_cosine_decay', 'csv'],
      ['digits_mlp_adam_tf_cosine_decay (jsonl)', 'jsonl'],
    ]);
    expect(new Set(preview.runs.map((r) => r.source)).size).toBe(2);
  });

  it('imports both under the names the preview showed', async () => {
    const preview = await previewImport([folder]);
    const summary = await importPaths(t.db, [folder]);
    expect(summary.runs.map((r) => [r.name, r.format])).toEqual(preview.runs.map((r) => [r.name, r.format]));
  });
});

describe('a folder of several formats (tensorboard/ holds event files and a scalars JSON export)', () => {
  it('keeps each source in its own format, in the preview and in the import', async () => {
    const folder = sample('tensorboard');
    const preview = await previewImport([folder]);
    const formats = new Set(preview.runs.map((r) => r.format));
    expect(formats).toEqual(new Set(['tensorboard', 'scalars-json']));
    const summary = await importPaths(t.db, [folder]);
    expect(summary.runs.map((r) => [r.name, r.format])).toEqual(preview.runs.map((r) => [r.name, r.format]));
    expect(summary.runs.length).toBeGreaterThan(10);
  });

  it('names stay unique across a whole samples tree', async () => {
    const preview = await previewImport([sample('.')]);
    const names = preview.runs.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('run names (issue 9, item 10)', () => {
  it('an MLflow run without a runName tag: its experiment name and short run id, not the bare id', async () => {
    const preview = await previewImport([sample('mlflow/swahili_stt_keras_autolog/mlruns')]);
    expect(preview.runs.map((r) => r.name)).toEqual(['Speech model simple rnn/ed05f9cd']);
    const summary = await importPaths(t.db, [sample('mlflow/swahili_stt_keras_autolog/mlruns')]);
    expect(summary.runs[0]!.name).toBe('Speech model simple rnn/ed05f9cd');
  });

  it("an MLflow run with a runName tag is named by it, in the preview and the import", async () => {
    const run = join(t.dir, 'mlruns', '3', 'a1b2c3d4e5f6');
    mkdirSync(join(run, 'metrics'), { recursive: true });
    mkdirSync(join(run, 'tags'));
    mkdirSync(join(run, 'params'));
    writeFileSync(join(run, 'meta.yaml'), "run_id: a1b2c3d4e5f6\nname: ''\n");
    writeFileSync(join(run, 'metrics', 'loss'), '1700000000000 2.5 0\n1700000001000 2.1 1\n');
    writeFileSync(join(run, 'tags', 'mlflow.runName'), 'cosine-warmup-lr3e-4');
    writeFileSync(join(run, 'params', 'learning_rate'), '0.0003');
    const preview = await previewImport([join(t.dir, 'mlruns')]);
    expect(preview.runs.map((r) => r.name)).toEqual(['cosine-warmup-lr3e-4']);
    const summary = await importPaths(t.db, [join(t.dir, 'mlruns')]);
    expect(summary.runs[0]!.name).toBe('cosine-warmup-lr3e-4');
  });
});

describe('row counts (issue 9, item 10)', () => {
  it('a CSV of 4,501 data rows reports 4,501 rows, not counting its header', async () => {
    const file = join(t.dir, 'run', 'metrics.csv');
    mkdirSync(join(t.dir, 'run'));
    const lines = ['step,loss,lr'];
    for (let s = 0; s < 4501; s++) lines.push(`${s},${1 / (s + 1)},0.1`);
    writeFileSync(file, lines.join('\n') + '\n');
    expect((await importPaths(t.db, [file])).rows).toBe(4501);
  });

  it('a TSV, a Keras CSVLogger file and a Lightning CSV count their data rows only', async () => {
    const count = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').length - 1;
    for (const path of ['plain_csv/flair_ner_loss_tsv/loss.tsv', 'keras/brats2020_csvlogger/training.log', 'lightning_csv/erav2_session13_resnet18_onecycle/metrics.csv']) {
      expect((await importPaths(t.db, [sample(path)])).rows, path).toBe(count(sample(path)));
    }
  });
});

describe('one naming rule for a path import and an upload (issue 9, item 10)', () => {
  const folder = 'generated/digits_mlp_adam_tf_cosine_decay';

  it('a path import of metrics.csv takes the run name its run.json gives (here also its folder name)', async () => {
    const preview = await previewImport([sample(`${folder}/metrics.csv`)]);
    expect(preview.runs.map((r) => r.name)).toEqual(['digits_mlp_adam_tf_cosine_decay']);
  });

  it('the run name written in run.json wins over a folder name that says nothing', async () => {
    mkdirSync(join(t.dir, 'out'));
    writeFileSync(join(t.dir, 'out', 'metrics.csv'), 'step,loss\n0,1\n1,0.5\n');
    writeFileSync(join(t.dir, 'out', 'run.json'), JSON.stringify({ run_name: 'resnet50-cosine', seed: 1 }));
    expect((await previewImport([join(t.dir, 'out')])).runs.map((r) => r.name)).toEqual(['resnet50-cosine']);
    expect((await importPaths(t.db, [join(t.dir, 'out', 'metrics.csv')])).runs[0]!.name).toBe('resnet50-cosine');
  });

  it('files picked together (as "Choose files…" uploads them, folder unknown) get the same name as the path import', async () => {
    // An upload lands the picked files side by side in a folder whose name means nothing.
    const upload = join(t.dir, '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    mkdirSync(upload);
    for (const f of ['metrics.csv', 'run.json']) writeFileSync(join(upload, f), readFileSync(sample(`${folder}/${f}`)));
    const options = { unnamedFolder: (dir: string) => dir === upload };
    const paths = [join(upload, 'metrics.csv'), join(upload, 'run.json')];
    const preview = await previewImport(paths, options);
    expect(preview.runs.map((r) => r.name)).toEqual(['digits_mlp_adam_tf_cosine_decay']);
    const summary = await importPaths(t.db, paths, options);
    expect(summary.runs.map((r) => r.name)).toEqual(['digits_mlp_adam_tf_cosine_decay']);
  });

  it('a lone upload with no run name anywhere is named after its file, never after the upload folder', async () => {
    const upload = join(t.dir, '0f8fad5b-d9cb-469f-a165-70867728950e');
    mkdirSync(upload);
    writeFileSync(join(upload, 'metrics.csv'), readFileSync(sample(`${folder}/metrics.csv`)));
    const preview = await previewImport([join(upload, 'metrics.csv')], { unnamedFolder: (dir) => dir === upload });
    expect(preview.runs.map((r) => r.name)).toEqual(['metrics']);
  });
});
