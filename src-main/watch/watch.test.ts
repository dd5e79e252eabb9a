import { appendFileSync, copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { querySeries } from '../db/points';
import { importPaths } from '../import';
import { tfRecord, scalarEvent, versionEvent } from '../import/tensorboard/event-writer';
import { sample, tempFolder } from '../import/test-support';
import { WatchService } from './service';

let folder: ReturnType<typeof tempFolder>;
let logdir: string;
let db: Db;
let service: WatchService;

beforeEach(() => {
  folder = tempFolder();
  logdir = join(folder.dir, 'logs');
  mkdirSync(logdir);
  db = openDatabase(join(folder.dir, 'lrscope.sqlite')).db;
  service = new WatchService(db, { pollMs: 60_000, fallbackPollMs: 60_000 });
  service.start();
});
afterEach(async () => {
  await service.close();
  db.close();
  folder.remove();
});

type Points = Record<string, { steps: number[]; values: number[] }>;

function pointsOf(target: Db, runId: number): Points {
  const metrics = target.prepare<[number], { id: number; name: string }>('SELECT id, name FROM metrics WHERE run_id = ? ORDER BY name').all(runId);
  return Object.fromEntries(
    metrics.map((m) => {
      const s = querySeries(target, m.id, { maxPoints: 1_000_000 });
      return [m.name, { steps: [...s.steps], values: [...s.values] }];
    }),
  );
}

function runBySource(target: Db, source: string): number {
  return target.prepare<[string], { id: number }>('SELECT id FROM runs WHERE source_path = ?').get(source)!.id;
}

/** Metric name → role: the watcher names a clock as the import does (import/names.ts roleOf, import/clock.ts). */
function rolesOf(target: Db, runId: number): Record<string, string> {
  const rows = target.prepare<[number], { name: string; role: string }>('SELECT name, role FROM metrics WHERE run_id = ? ORDER BY name').all(runId);
  return Object.fromEntries(rows.map((r) => [r.name, r.role]));
}

function resumesOf(target: Db, runId: number): number[] {
  return target.prepare<[number], number>('SELECT step FROM run_resumes WHERE run_id = ? ORDER BY step').pluck().all(runId);
}

/** What `lrscope import` makes of the complete files: the reference the followed run must equal. */
async function imported(paths: string[]): Promise<{ db: Db; runId: number }> {
  const ref = openDatabase(':memory:').db;
  const summary = await importPaths(ref, paths);
  return { db: ref, runId: summary.runs[0]!.id };
}

/** Copies files into the watched folder in small flushes that cut lines and records, reading after each. */
async function replay(files: { from: string; to: string }[], chunk: number, afterFlush?: (i: number) => Promise<void>): Promise<void> {
  const data = files.map((f) => readFileSync(f.from));
  for (const f of files) mkdirSync(dirname(f.to), { recursive: true });
  let flush = 0;
  for (let at = 0; data.some((d) => at < d.length); at += chunk) {
    files.forEach((f, i) => {
      if (at < data[i]!.length) appendFileSync(f.to, data[i]!.subarray(at, at + chunk));
    });
    await service.checkNow();
    await afterFlush?.(flush++);
  }
}

describe('following a log folder as its logs are written', () => {
  it('reads a CSV, a JSONL and TensorBoard event files flushed in pieces to exactly the points of an import', async () => {
    const csv = sample('generated/digits_mlp_sgd_torch_onecycle/metrics.csv');
    const jsonl = sample('generated/digits_mlp_adam_tf_cosine_decay/metrics.jsonl');
    const tbDir = sample('tensorboard/hf_t5_summarization/runs_Mar24_22-23-40');
    const tbFiles = readdirSync(tbDir).sort().map((n) => join(tbDir, n));
    await service.add(logdir);
    const targets = {
      csv: join(logdir, 'onecycle', 'metrics.csv'),
      jsonl: join(logdir, 'cosine', 'metrics.jsonl'),
      tb: tbFiles.map((f) => join(logdir, 't5', basename(f))),
    };
    let sawGrowth = 0;
    let last = -1;
    await replay(
      [{ from: csv, to: targets.csv }, { from: jsonl, to: targets.jsonl }, { from: tbFiles[0]!, to: targets.tb[0]! }],
      1733,
      async () => {
        const n = db.prepare<[], number>('SELECT coalesce(sum(point_count), 0) FROM metrics').pluck().get()!;
        if (n > last) sawGrowth++;
        last = n;
      },
    );
    await replay([{ from: tbFiles[1]!, to: targets.tb[1]! }], 100); // the run's second event file, later
    expect(sawGrowth).toBeGreaterThan(10);
    for (const [source, paths] of [[targets.csv, [csv]], [targets.jsonl, [jsonl]], [join(logdir, 't5'), [tbDir]]] as const) {
      const ref = await imported([...paths]);
      const runId = runBySource(db, source);
      expect(pointsOf(db, runId), source).toEqual(pointsOf(ref.db, ref.runId));
      expect(resumesOf(db, runId)).toEqual(resumesOf(ref.db, ref.runId));
      // The logged wall_time column and the event files' wall_time are the run's clock, in both.
      expect(rolesOf(db, runId), source).toEqual(rolesOf(ref.db, ref.runId));
      expect(rolesOf(db, runId).wall_time, source).toBe('clock');
      ref.db.close();
    }
    const [status] = service.list();
    expect(status!.runs).toBe(3);
    expect(status!.faults).toEqual([]);
  });

  it('follows a W&B run log (.wandb) as it grows, cut mid-record, to exactly the points of an import', async () => {
    const run = sample('wandb/verysimpletransformer_run-20230329_020146-ruzz7bps');
    const target = join(logdir, 'wandb', basename(run));
    mkdirSync(join(target, 'files'), { recursive: true });
    for (const n of readdirSync(join(run, 'files'))) copyFileSync(join(run, 'files', n), join(target, 'files', n));
    await service.add(logdir);
    let sawGrowth = 0;
    let last = -1;
    // 7,001-byte flushes: W&B writes 32 KiB blocks, so most flushes end inside a record.
    await replay([{ from: join(run, 'run-ruzz7bps.wandb'), to: join(target, 'run-ruzz7bps.wandb') }], 7001, async () => {
      const n = db.prepare<[], number>('SELECT coalesce(sum(point_count), 0) FROM metrics').pluck().get()!;
      if (n > last) sawGrowth++;
      last = n;
    });
    expect(sawGrowth).toBeGreaterThan(5);
    const ref = await imported([run]);
    const runId = runBySource(db, target);
    const points = pointsOf(db, runId);
    expect(Object.keys(points)).toEqual(['grad_norm_square', 'lr', 'train_loss_local']);
    expect(points).toEqual(pointsOf(ref.db, ref.runId));
    expect(resumesOf(db, runId)).toEqual([]); // read again from the start, nothing is added twice
    ref.db.close();
    expect(service.list()[0]!.faults).toEqual([]);
  });

  it('reads logs whose steps go back (resumes), TSVs, trainer_state.json rewrites and MLflow metric files as an import does', async () => {
    await service.add(logdir);
    const lightning = sample('lightning_csv/pl_wrapper_cifar10_onecycle/metrics.csv');
    const flair = sample('plain_csv/flair_ner_loss_tsv/loss.tsv');
    const mlflowRun = sample('mlflow/swahili_stt_keras_autolog/mlruns/1/ed05f9cd599442fe9a0c9222184710b8');
    const mlflowTarget = join(logdir, 'mlruns', '1', 'ed05f9cd599442fe9a0c9222184710b8');
    for (const sub of ['params', 'tags']) {
      mkdirSync(join(mlflowTarget, sub), { recursive: true });
      for (const n of readdirSync(join(mlflowRun, sub))) copyFileSync(join(mlflowRun, sub, n), join(mlflowTarget, sub, n));
    }
    copyFileSync(join(mlflowRun, 'meta.yaml'), join(mlflowTarget, 'meta.yaml'));
    await replay(
      [
        { from: lightning, to: join(logdir, 'lightning_logs', 'version_0', 'metrics.csv') },
        { from: flair, to: join(logdir, 'flair', 'loss.tsv') },
        { from: join(mlflowRun, 'metrics', 'loss'), to: join(mlflowTarget, 'metrics', 'loss') },
      ],
      211,
    );
    // The Trainer rewrites trainer_state.json whole at each save, with a longer history.
    const state = JSON.parse(readFileSync(sample('hf_trainer_state/whisper_large_v2_japanese_trainer_state.json'), 'utf8')) as { log_history: unknown[] };
    const trainerFile = join(logdir, 'whisper', 'trainer_state.json');
    mkdirSync(dirname(trainerFile));
    for (let n = 1; n <= state.log_history.length; n += 37) {
      writeFileSync(`${trainerFile}.tmp`, JSON.stringify({ ...state, log_history: state.log_history.slice(0, n) }));
      renameSync(`${trainerFile}.tmp`, trainerFile);
      await service.checkNow();
    }
    writeFileSync(trainerFile, JSON.stringify(state));
    await service.checkNow();
    const cases: [string, string][] = [
      [join(logdir, 'lightning_logs', 'version_0', 'metrics.csv'), lightning],
      [join(logdir, 'flair', 'loss.tsv'), flair],
      [mlflowTarget, mlflowRun],
      [trainerFile, sample('hf_trainer_state/whisper_large_v2_japanese_trainer_state.json')],
    ];
    for (const [source, original] of cases) {
      const ref = await imported([original]);
      const runId = runBySource(db, source);
      expect(pointsOf(db, runId), relative(logdir, source)).toEqual(pointsOf(ref.db, ref.runId));
      expect(resumesOf(db, runId), relative(logdir, source)).toEqual(resumesOf(ref.db, ref.runId));
      expect(rolesOf(db, runId), relative(logdir, source)).toEqual(rolesOf(ref.db, ref.runId));
      ref.db.close();
    }
    // MLflow's metric timestamps (ms) are the followed run's clock, as they are the import's.
    expect(pointsOf(db, runBySource(db, mlflowTarget)).timestamp!.values).toHaveLength(10);
    expect(rolesOf(db, runBySource(db, mlflowTarget)).timestamp).toBe('clock');
  });

  it("takes a TensorBoard run's hparams and wall_time clock as an import does, flushed in pieces", async () => {
    const fixtures = join(__dirname, '..', 'import', 'tensorboard', 'fixtures', 'hparams');
    await service.add(logdir);
    const runs = ['lightning_style', 'tf_summary_v2'];
    const files = runs.map((run) => {
      const name = readdirSync(join(fixtures, run)).find((n) => n.startsWith('events.out.tfevents.'))!;
      return { from: join(fixtures, run, name), to: join(logdir, run, name) };
    });
    await replay(files, 97);
    for (const run of runs) {
      const ref = await imported([join(fixtures, run)]);
      const runId = runBySource(db, join(logdir, run));
      const params = (target: Db, id: number) => JSON.parse(target.prepare<[number], string>('SELECT params_json FROM runs WHERE id = ?').pluck().get(id)!) as Record<string, string>;
      expect(params(db, runId), run).toEqual(params(ref.db, ref.runId));
      expect(Object.keys(params(db, runId)).length, run).toBeGreaterThan(3);
      expect(pointsOf(db, runId), run).toEqual(pointsOf(ref.db, ref.runId));
      expect(rolesOf(db, runId), run).toEqual(rolesOf(ref.db, ref.runId));
      ref.db.close();
    }
    expect(service.list()[0]!.faults).toEqual([]);
  });

  it('continues after a restart where it stopped: nothing lost, nothing twice', async () => {
    const csv = sample('generated/digits_mlp_sgd_tf_exponential_decay_staircase/metrics.csv');
    const data = readFileSync(csv);
    const target = join(logdir, 'staircase', 'metrics.csv');
    mkdirSync(dirname(target));
    await service.add(logdir);
    appendFileSync(target, data.subarray(0, 5000));
    await service.checkNow();
    await service.close();
    appendFileSync(target, data.subarray(5000, 9001)); // written while lrscope is down
    service = new WatchService(db, { pollMs: 60_000, fallbackPollMs: 60_000 });
    service.start();
    await service.checkNow();
    appendFileSync(target, data.subarray(9001));
    await service.checkNow();
    const ref = await imported([csv]);
    expect(pointsOf(db, runBySource(db, target))).toEqual(pointsOf(ref.db, ref.runId));
    ref.db.close();
  });

  it('finds new runs and new rows by polling alone where file-system events are not available', async () => {
    await service.close();
    service = new WatchService(db, { useEvents: false, fallbackPollMs: 50 });
    service.start();
    service.add(logdir);
    expect(service.list()[0]!.state).toBe('polling');
    const csv = join(logdir, 'nfs', 'metrics.csv');
    mkdirSync(dirname(csv));
    writeFileSync(csv, 'step,loss\n0,1\n1,0.5\n');
    // No checkNow(): only the poll may notice (rows at every poll, new runs at the walk every few polls).
    await expect.poll(() => db.prepare<[string], number>('SELECT count(*) FROM runs WHERE source_path = ?').pluck().get(csv), { timeout: 10_000 }).toBe(1);
    appendFileSync(csv, '2,0.25\n');
    await expect.poll(() => pointsOf(db, runBySource(db, csv)).loss?.steps.length, { timeout: 10_000 }).toBe(3);
  });

  it('leaves a run the user deleted deleted, and goes on with the others', async () => {
    await service.add(logdir);
    const a = join(logdir, 'a', 'metrics.csv');
    const b = join(logdir, 'b', 'metrics.csv');
    for (const f of [a, b]) {
      mkdirSync(dirname(f));
      writeFileSync(f, 'step,loss\n0,1\n');
    }
    await service.checkNow();
    db.prepare('DELETE FROM runs WHERE id = ?').run(runBySource(db, a));
    appendFileSync(a, '1,0.5\n');
    appendFileSync(b, '1,0.5\n');
    await service.checkNow();
    expect(db.prepare('SELECT count(*) FROM runs WHERE source_path = ?').pluck().get(a)).toBe(0);
    expect(pointsOf(db, runBySource(db, b)).loss!.steps).toEqual([0, 1]);
    expect(service.list()[0]!.faults).toEqual([]);
  });

  it('shows a corrupt record, a vanished file and a replaced file on the folder, and keeps going', async () => {
    await service.add(logdir);
    const run = join(logdir, 'tb');
    mkdirSync(run);
    const good = Buffer.concat([tfRecord(versionEvent()), ...[0, 1, 2].map((s) => tfRecord(scalarEvent(s, 'loss', 1 / (s + 1))))]);
    const bad = tfRecord(scalarEvent(3, 'loss', 0.25));
    bad[bad.length - 1]! ^= 0xff; // the data CRC no longer matches
    writeFileSync(join(run, 'events.out.tfevents.1.host'), Buffer.concat([good, bad, tfRecord(scalarEvent(4, 'loss', 0.2))]));
    const csv = join(logdir, 'other', 'metrics.csv');
    mkdirSync(dirname(csv));
    writeFileSync(csv, 'step,loss\n0,1\n1,0.5\n');
    await service.checkNow();
    let [status] = service.list();
    expect(status!.faults).toEqual([{ file: join(run, 'events.out.tfevents.1.host'), reason: 'record 5: CRC mismatch: the record is corrupt' }]);
    expect(pointsOf(db, runBySource(db, run)).loss!.steps).toEqual([0, 1, 2]);
    appendFileSync(csv, '2,0.25\n'); // the other run goes on
    await service.checkNow();
    expect(pointsOf(db, runBySource(db, csv)).loss!.steps).toEqual([0, 1, 2]);

    // Replaced by a new file of the same name (a new inode), shorter: read again, in one go.
    writeFileSync(`${csv}.new`, 'step,loss\n0,9\n');
    renameSync(`${csv}.new`, csv);
    await service.checkNow();
    expect(pointsOf(db, runBySource(db, csv)).loss).toEqual({ steps: [0], values: [9] });
    [status] = service.list();
    expect(status!.notices.join('\n')).toMatch(/metrics\.csv was replaced/);

    rmSync(csv);
    await service.checkNow();
    [status] = service.list();
    expect(status!.faults).toContainEqual({ file: csv, reason: 'the file is gone; the points read from it are kept' });
    expect(pointsOf(db, runBySource(db, csv)).loss).toEqual({ steps: [0], values: [9] });
  });
});
