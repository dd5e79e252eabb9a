// A run's clock, stored by default with the role 'clock', equals the log's own times: TensorBoard's
// event wall_time (as TensorBoard's own reader reads it: fixtures/hparams/expected.json, written by
// make_fixture.py), MLflow's metric timestamps and a generated run's wall_time column.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { querySeries } from '../db/points';
import { importPaths } from './index';
import { freshDbEachTest, sample } from './test-support';

const t = freshDbEachTest();

function clockOf(runId: number): { name: string; steps: number[]; values: number[] } {
  const rows = t.db.prepare<[number], { id: number; name: string }>("SELECT id, name FROM metrics WHERE run_id = ? AND role = 'clock'").all(runId);
  expect(rows).toHaveLength(1);
  const s = querySeries(t.db, rows[0]!.id, { maxPoints: 1_000_000 });
  return { name: rows[0]!.name, steps: [...s.steps], values: [...s.values] };
}

/** Steps drawn by a fixed-seed generator (mulberry32): random, yet the same on every run. */
function someOf<T>(items: readonly T[], count: number, seed: number): T[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => items[Math.floor(next() * items.length)]!);
}

describe("a run's clock", () => {
  it('TensorBoard: wall_time at random steps of a real HF run is the first scalar event’s, as TensorBoard reads it', async () => {
    const expected = JSON.parse(readFileSync(join(__dirname, 'tensorboard', 'fixtures', 'hparams', 'expected.json'), 'utf8')) as { wall_time: Record<string, [number, number][]> };
    const path = 'tensorboard/hf_t5_summarization/runs_Mar24_22-23-40';
    const s = await importPaths(t.db, [sample(path)]);
    const clock = clockOf(s.runs[0]!.id);
    expect(clock.name).toBe('wall_time');
    expect(clock.steps).toHaveLength(431); // 430 logging steps and the final evaluation's
    for (const [step, wallTime] of expected.wall_time[path]!) expect(clock.values[clock.steps.indexOf(step)], `step ${step}`).toBe(wallTime);
  });

  it("MLflow: the metric file's timestamps (ms) at each step", async () => {
    const run = sample('mlflow/swahili_stt_keras_autolog/mlruns/1/ed05f9cd599442fe9a0c9222184710b8');
    const s = await importPaths(t.db, [run]);
    const clock = clockOf(s.runs[0]!.id);
    expect(clock.name).toBe('timestamp');
    const lines = readFileSync(join(run, 'metrics', 'loss'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
    expect(clock.steps).toEqual(lines.map((l) => l[2]));
    expect(clock.values).toEqual(lines.map((l) => l[0]));
  });

  it('MLflow: a timestamp that is not a number is an error naming the file and the line, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrscope-mlflow-clock-'));
    try {
      const run = join(dir, 'ed05f9cd599442fe9a0c9222184710b8');
      cpSync(sample('mlflow/swahili_stt_keras_autolog/mlruns/1/ed05f9cd599442fe9a0c9222184710b8'), run, { recursive: true });
      const loss = join(run, 'metrics', 'loss');
      const lines = readFileSync(loss, 'utf8').trim().split('\n');
      lines[2] = lines[2]!.replace(/^\S+/, 'noon');
      writeFileSync(loss, lines.join('\n') + '\n');
      await expect(importPaths(t.db, [run])).rejects.toThrow(/metrics\/loss.*line 3.*the timestamp "noon" is not a number of milliseconds/);
      expect(t.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 0 });
      expect(t.db.prepare('SELECT count(*) AS n FROM metrics').get()).toEqual({ n: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a generated run's wall_time column (CSV and JSONL) is stored as the clock, its values at random steps the file's", async () => {
    const dir = sample('generated/digits_mlp_sgd_torch_onecycle');
    const text = readFileSync(join(dir, 'metrics.csv'), 'utf8').trim().split('\n');
    const header = text[0]!.split(',');
    const rows = text.slice(1).map((l) => l.split(','));
    const at = (row: string[], col: string) => Number(row[header.indexOf(col)]);
    for (const file of ['metrics.csv', 'metrics.jsonl']) {
      const s = await importPaths(t.db, [join(dir, file)]);
      expect(s.runs[0]!.metrics.find((m) => m.name === 'wall_time')).toMatchObject({ role: 'clock', points: rows.length });
      const clock = clockOf(s.runs[0]!.id);
      for (const row of someOf(rows, 12, 14)) expect(clock.values[clock.steps.indexOf(at(row, 'step'))], file).toBe(at(row, 'wall_time'));
    }
  });
});
