// Folders holding several runs and formats: every source is its own run with its own detected
// format, names never collide, and preview and import agree (issue 9, items 1 and 2).
import { mkdirSync, writeFileSync } from 'node:fs';
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
