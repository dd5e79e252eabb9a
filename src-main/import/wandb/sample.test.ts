// The real W&B run in ../shared/samples/wandb (wandb 0.14.0, see its MANIFEST.md): its binary log
// gives the history, checked against the plain files W&B wrote beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ImportSummary } from '../../../src-shared/api/import-types';
import { importCommand } from '../../cli/commands/import';
import type { Io } from '../../cli/output';
import { querySeries } from '../../db/points';
import { getRun, runStatements } from '../../db/runs';
import { openServices } from '../../services';
import { importPaths, previewImport } from '../index';
import { freshDbEachTest, sample } from '../test-support';
import { readWandbRecords } from './datastore';
import { wandbFile } from './datastore-writer';

const RUN = 'wandb/verysimpletransformer_run-20230329_020146-ruzz7bps';
const LOG = `${RUN}/run-ruzz7bps.wandb`;
const t = freshDbEachTest();

const summaryFile = () => JSON.parse(readFileSync(sample(`${RUN}/files/wandb-summary.json`), 'utf8')) as Record<string, number>;
const configFile = () => parseYaml(readFileSync(sample(`${RUN}/files/config.yaml`), 'utf8')) as Record<string, { desc: null; value: unknown }>;

function series(runId: number, metric: string): { steps: number[]; values: number[] } {
  const row = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(runId, metric)!;
  const s = querySeries(t.db, row.id, { maxPoints: 1_000_000 });
  expect(s.exact).toBe(true);
  return { steps: Array.from(s.steps), values: Array.from(s.values) };
}

describe('the .wandb container', () => {
  it("re-written chunk for chunk as datastore.py writes, the sample's records give back the file byte for byte", async () => {
    const records: Buffer[] = [];
    const at: number[] = [];
    const read = await readWandbRecords(sample(LOG), null, (data, _record, offset) => {
      records.push(Buffer.from(data));
      at.push(offset);
    });
    expect(read).toEqual({ records: 2640, bytesLeftOver: 0, version: 0 });
    const original = readFileSync(sample(LOG));
    const rewritten = wandbFile(records);
    expect(rewritten.at).toEqual(at);
    expect(rewritten.bytes.equals(original)).toBe(true);
    // The file crosses 19 block boundaries: records split in FIRST/LAST chunks and zero padding are exercised.
    expect(Math.floor(original.length / 32768)).toBe(19);
    expect(records.some((r, i) => Math.floor(at[i]! / 32768) !== Math.floor((at[i]! + 7 + r.length) / 32768))).toBe(true);
  });
});

describe(RUN, () => {
  it('imports ~1,750 steps of lr, train_loss_local and grad_norm_square whose last values are wandb-summary.json', async () => {
    const s = await importPaths(t.db, [sample(RUN)]);
    expect(s.runs).toHaveLength(1);
    const run = s.runs[0]!;
    expect(run).toMatchObject({ format: 'wandb', name: 'verysimpletransformer_run-20230329_020146-ruzz7bps', resumes: [] });
    expect(run.bytesLeftOver).toBeUndefined();
    expect(run.metrics).toEqual([
      { name: 'lr', role: 'lr', points: 1750, nanCount: 0, infCount: 0 },
      { name: 'train_loss_local', role: 'loss', points: 1750, nanCount: 0, infCount: 0 },
      { name: 'grad_norm_square', role: 'other', points: 1750, nanCount: 0, infCount: 0 },
    ]);
    const summary = summaryFile();
    for (const name of ['lr', 'train_loss_local', 'grad_norm_square']) {
      const { steps, values } = series(run.id, name);
      expect(steps).toEqual(Array.from({ length: 1750 }, (_, i) => i));
      expect(steps.at(-1)).toBe(summary['_step']);
      expect(values.at(-1)).toBe(summary[name]);
    }
    // Adam at a constant lr = 0.001 (the config's optimizer.lr) throughout.
    expect(new Set(series(run.id, 'lr').values)).toEqual(new Set([0.001]));
  });

  it("keeps config.yaml's values as the run's parameters, with the run's identity and summary", async () => {
    const s = await importPaths(t.db, [sample(RUN)]);
    const detail = getRun(runStatements(t.db), s.runs[0]!.id)!;
    const config = configFile();
    const optimizer = config['optimizer']!.value as Record<string, unknown>;
    expect(detail.params).toMatchObject({
      dataset: String(config['dataset']!.value),
      epochs: String(config['epochs']!.value),
      seed: String(config['seed']!.value),
      project: String(config['project']!.value),
      use_wandb: String(config['use_wandb']!.value),
      'optimizer/method': String(optimizer['method']),
      'optimizer/bs': String(optimizer['bs']),
      'optimizer/lr': String(optimizer['lr']),
    });
    expect(detail.params['optimizer/lr']).toBe('0.001');
    const internal = config['_wandb']!.value as { cli_version: string; start_time: number };
    expect(detail.params).toMatchObject({
      'wandb/run_id': 'ruzz7bps',
      'wandb/project': 'Lion and Adam',
      'wandb/cli_version': internal.cli_version,
      'wandb/start_time': new Date(internal.start_time * 1000).toISOString(),
      // The exit record: the script ended with exit code 255 after its last step.
      'wandb/state': 'failed (exit code 255)',
    });
    for (const [key, value] of Object.entries(summaryFile())) if (key !== '_wandb') expect(detail.params[`summary/${key}`]).toBe(String(value));
    expect(Object.keys(detail.params).some((k) => k.startsWith('_wandb'))).toBe(false);
    expect(detail.sourceFormat).toBe('wandb');
  });

  it('reads the same run from the .wandb file chosen alone', async () => {
    const folder = await importPaths(t.db, [sample(RUN)]);
    const file = await importPaths(t.db, [sample(LOG)]);
    expect(file.runs[0]!.metrics).toEqual(folder.runs[0]!.metrics);
    expect(series(file.runs[0]!.id, 'train_loss_local')).toEqual(series(folder.runs[0]!.id, 'train_loss_local'));
    const params = (id: number) => getRun(runStatements(t.db), id)!.params;
    expect(params(file.runs[0]!.id)).toEqual(params(folder.runs[0]!.id));
  });

  it("applies the preview's mapping: a metric skipped, a role corrected, the run renamed", async () => {
    const s = await importPaths(t.db, [sample('wandb')], { name: 'imdb adam', mapping: { skip: ['grad_norm_square'], roles: { lr: 'other' } } });
    expect(s.runs[0]!.name).toBe('imdb adam');
    expect(s.runs[0]!.metrics.map((m) => [m.name, m.role])).toEqual([
      ['lr', 'other'],
      ['train_loss_local', 'loss'],
    ]);
  });

  it('previews the metrics with their roles and the first history rows', async () => {
    const p = await previewImport([sample('wandb')]);
    expect(p.format).toBe('wandb');
    expect(p.runs).toHaveLength(1);
    const run = p.runs[0]!;
    expect(run.metrics).toEqual([
      { name: 'lr', role: 'lr', imported: true },
      { name: 'train_loss_local', role: 'loss', imported: true },
      { name: 'grad_norm_square', role: 'other', imported: true },
    ]);
    expect(run.columns).toEqual(['step', 'lr', 'train_loss_local', 'grad_norm_square']);
    expect(run.firstRows).toHaveLength(10);
    expect(run.firstRows[0]!.slice(0, 2)).toEqual(['0', '0.001']);
  });

  it('the CLI and the UI (the import service) store the same run', async () => {
    const cliDb = join(t.dir, 'cli.sqlite');
    const out: string[] = [];
    const io: Io = { out: (text) => void out.push(text), err: () => undefined, readStdin: async () => '' };
    expect(await importCommand([sample('wandb'), '--db', cliDb, '--json'], io)).toBe(0);
    const cli = JSON.parse(out[0]!) as ImportSummary;

    const ui = openServices(join(t.dir, 'ui.sqlite'), 'browser');
    const job = ui.imports.start([sample('wandb')], {});
    await expect.poll(() => ui.imports.progress(job.id).state).toBe('done');
    const uiSummary = ui.imports.progress(job.id).summary!;
    expect(uiSummary.runs.map(({ id: _id, ...r }) => r)).toEqual(cli.runs.map(({ id: _id, ...r }) => r));
    const cliServices = openServices(cliDb, 'browser');
    const shape = (d: Omit<NonNullable<ReturnType<typeof getRun>>, 'schedule'>) => ({ name: d.name, params: d.params, notes: d.notes, tags: d.tags, metrics: d.metrics.map(({ id: _id, ...m }) => m) });
    expect(shape(ui.runs.get(uiSummary.runs[0]!.id))).toEqual(shape(cliServices.runs.get(cli.runs[0]!.id)));
    ui.close();
    cliServices.close();
  });
});
