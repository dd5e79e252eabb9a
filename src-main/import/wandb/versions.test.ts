// Real .wandb files from two other W&B versions, committed by accident in public repositories
// (wandb/ folders), copied byte for byte with `git show <commit>:<path>` into fixtures/wandb/:
//
// | run folder                        | source repo @ commit : path                                    | writer                        | what it is |
// |-----------------------------------|----------------------------------------------------------------|-------------------------------|------------|
// | run-20220429_201936-3ojed7lz      | ARM-software/keyword-transformer @ 089e8b8e054c1f526a87c8cf13614dca5213f949 : wandb/run-20220429_201936-3ojed7lz/ | wandb 0.12.15, Python datastore | "First try", 862 complete history rows (steps 0..861), killed: no exit record, the file ends after a chunk's 7-byte header (its 228 bytes of data never written), the summary file saw step 863 |
// | run-20220429_201847-2zuxwf70      | same repo @ same commit : wandb/run-20220429_201847-2zuxwf70/  | wandb 0.12.15                 | "First try" too, failed at start (exit code 1): no history |
// | run-20250315_170753-x7n9fszq      | 02hyc/VQ-VAE @ f60812227e7b0e7d8fa9e715b098fda384e41a81 : wandb/run-20250315_170753-x7n9fszq/ | wandb 0.19.8, wandb-core (Go) | 62 history rows, exit record, summary = last row |
// | run-20250315_164500-1xeytjab      | same repo @ same commit : wandb/run-20250315_164500-1xeytjab/  | wandb 0.19.8, wandb-core (Go) | exactly 3 blocks (98,304 bytes): the Go writer's last block never reached the disk, so the file ends in a FIRST chunk (129 bytes) whose LAST is lost |
//
// Each has files/config.yaml and files/wandb-summary.json as committed (the 0.19.8 runs'
// wandb-metadata.json is left out: it holds the author's e-mail address).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ImportedRun, ImportSummary } from '../../../src-shared/api/import-types';
import { appRoot } from '../../db/paths';
import { querySeries } from '../../db/points';
import { getRun, runStatements } from '../../db/runs';
import { importPaths } from '../index';
import { freshDbEachTest } from '../test-support';

const FIXTURES = join(appRoot(), 'src-main', 'import', 'wandb', 'fixtures', 'wandb');
const t = freshDbEachTest();

const summaryOf = (run: string) => JSON.parse(readFileSync(join(FIXTURES, run, 'files', 'wandb-summary.json'), 'utf8')) as Record<string, number>;

function configOf(run: string): Record<string, unknown> {
  const yaml = parseYaml(readFileSync(join(FIXTURES, run, 'files', 'config.yaml'), 'utf8')) as Record<string, { value: unknown }>;
  return Object.fromEntries(Object.entries(yaml).flatMap(([k, v]) => (k === 'wandb_version' || k === '_wandb' ? [] : [[k, v.value]])));
}

function last(runId: number, metric: string): { step: number; value: number; points: number } {
  const row = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(runId, metric)!;
  const s = querySeries(t.db, row.id, { maxPoints: 1_000_000 });
  return { step: s.steps.at(-1)!, value: s.values.at(-1)!, points: s.steps.length };
}

function byId(summary: ImportSummary, id: string): ImportedRun {
  const run = summary.runs.find((r) => r.name.includes(id));
  if (!run) throw new Error(`no run ${id} in ${summary.runs.map((r) => r.name).join(', ')}`);
  return run;
}

const params = (run: ImportedRun) => getRun(runStatements(t.db), run.id)!.params;

describe('a wandb/ folder of four runs from wandb 0.12.15 and 0.19.8', () => {
  it('imports every run in one go, named by W&B display name and id, or by folder', async () => {
    const s = await importPaths(t.db, [FIXTURES]);
    expect(s.runs.map((r) => [r.name, r.format])).toEqual([
      ['First try (2zuxwf70)', 'wandb'],
      ['First try (3ojed7lz)', 'wandb'],
      ['run-20250315_164500-1xeytjab', 'wandb'],
      ['run-20250315_170753-x7n9fszq', 'wandb'],
    ]);
  });

  it('0.19.8, finished: 62 steps whose last values are wandb-summary.json, and its config', async () => {
    const run = byId(await importPaths(t.db, [FIXTURES]), 'x7n9fszq');
    const summary = summaryOf('run-20250315_170753-x7n9fszq');
    expect(run.metrics.map((m) => [m.name, m.role, m.points])).toEqual([
      ['train_loss', 'loss', 62],
      ['train_reconstruction_loss', 'loss', 62],
      ['train_quantized_loss', 'loss', 62],
    ]);
    expect(run.bytesLeftOver).toBeUndefined();
    for (const m of run.metrics) expect(last(run.id, m.name)).toEqual({ step: summary['_step'], value: summary[m.name], points: 62 });
    const config = configOf('run-20250315_170753-x7n9fszq');
    expect(Object.keys(config)).toContain('learning_rate');
    for (const [key, value] of Object.entries(config)) expect(params(run)[key]).toBe(String(value));
    expect(params(run)).toMatchObject({ 'wandb/cli_version': '0.19.8', 'wandb/project': 'VQVAE-Training', 'wandb/state': 'failed (exit code 255)' });
  });

  it('0.19.8, cut at a block boundary: the complete records are imported, the lost tail reported', async () => {
    const run = byId(await importPaths(t.db, [FIXTURES]), '1xeytjab');
    expect(run.bytesLeftOver).toBe(129);
    const summary = summaryOf('run-20250315_164500-1xeytjab');
    // The summary file saw step 85; the log kept rows 0..83.
    expect(summary['_step']).toBe(85);
    for (const m of run.metrics) expect(last(run.id, m.name)).toMatchObject({ step: 83, points: 84 });
    expect(params(run)['wandb/state']).toBe('crashed or still running (no exit record)');
  });

  it('0.12.15, killed: 862 rows, the rows the summary holds too agree with it', async () => {
    const run = byId(await importPaths(t.db, [FIXTURES]), '3ojed7lz');
    expect(run.bytesLeftOver).toBe(7);
    expect(run.metrics.map((m) => [m.name, m.role, m.points])).toEqual([
      ['Validation/step', 'other', 862],
      ['Validation/accuracy', 'other', 862],
      ['Training/step', 'other', 861],
      ['Training/loss', 'loss', 861],
      ['Training/accuracy', 'other', 861],
    ]);
    const summary = summaryOf('run-20220429_201936-3ojed7lz');
    // Validation is logged every 72 steps: its last value is already the summary's.
    expect(last(run.id, 'Validation/accuracy').value).toBe(summary['Validation/accuracy']);
    expect(last(run.id, 'Validation/step').value).toBe(summary['Validation/step']);
    // Training/step logs the step itself: row n holds n, up to the last complete row.
    expect(last(run.id, 'Training/step')).toEqual({ step: 861, value: 861, points: 861 });
    expect(summary['Training/step']).toBe(863);
    expect(params(run)).toMatchObject({
      Notes: 'Default Hyper Parameters, Swish activation.',
      'wandb/cli_version': '0.12.15',
      'wandb/entity': 'adeeplearners',
      'wandb/program': '-m kws_streaming.train.model_train_eval',
      'wandb/git_commit': 'aadc900f2ef27603512450dba218d24bc8a76fb0',
    });
  });

  it('0.12.15, failed at start: a run with its config and no metrics', async () => {
    const run = byId(await importPaths(t.db, [FIXTURES]), '2zuxwf70');
    expect(run.metrics).toEqual([]);
    expect(params(run)).toMatchObject({ 'wandb/state': 'failed (exit code 1)', Notes: 'Default Hyper Parameters, Swish activation.' });
  });
});
