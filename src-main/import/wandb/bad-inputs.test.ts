// .wandb files that cannot be imported: each gives a message naming the file, the record, the
// byte offset and the reason, and leaves the database exactly as it was. And what is not an
// error: a log cut in its last record (a run still writing, or killed), records across blocks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src-shared/api/import-types';
import { importPaths } from '../index';
import { freshDbEachTest, sample, snapshot } from '../test-support';
import { chunkChecksum } from './datastore';
import { historyRecord, record, wandbFile, wandbHeader } from './datastore-writer';

const t = freshDbEachTest();
let before: string;

// A database that already holds a run: a refused import must leave it exactly as it was.
beforeEach(async () => {
  await importPaths(t.db, [sample('keras/brats2020_csvlogger/training.log')]);
  before = snapshot(t.db);
});

/** A run log as W&B writes one: a run record, then `rows` history rows of loss and lr. */
function runRecords(rows: number): Uint8Array[] {
  const history = Array.from({ length: rows }, (_, i) => historyRecord(i, { loss: 1 / (i + 1), lr: 0.1 * 0.99 ** i, _runtime: i / 10 }));
  return [record({ run: { run_id: 'abc123', project: 'p', display_name: 'my run', tags: ['baseline', 'cosine'], notes: 'first try' } }), ...history];
}

/** Writes a run folder `wandb/run-…-<id>/run-<id>.wandb`; returns the log's path. */
function runFolder(bytes: Buffer, id = 'abc123'): string {
  const dir = join(t.dir, 'wandb', `run-20260101_000000-${id}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `run-${id}.wandb`);
  writeFileSync(path, bytes);
  return path;
}

async function refused(paths: string[], message: RegExp): Promise<void> {
  await expect(importPaths(t.db, paths)).rejects.toThrow(message);
  expect(snapshot(t.db)).toBe(before);
}

describe('refused .wandb files leave the database unchanged', () => {
  it('a bad header: not ":W&B", a wrong magic number, an unknown version', async () => {
    const { bytes } = wandbFile(runRecords(3));
    const garbage = Buffer.from(bytes);
    garbage.write('LOG!', 0, 'latin1');
    await refused([runFolder(garbage)], /run-abc123\.wandb: not a W&B run log: the file does not start with ":W&B"/);
    await refused([runFolder(wandbFile(runRecords(3), wandbHeader(0x1234)).bytes)], /run-abc123\.wandb: bad W&B header: magic 0x1234 instead of 0xbee1/);
    await refused([runFolder(wandbFile(runRecords(3), wandbHeader(0xbee1, 7)).bytes)], /run-abc123\.wandb: W&B log format version 7 is not supported/);
    await refused([runFolder(Buffer.from(':W&B'))], /run-abc123\.wandb: only 4 bytes: too short for the 7-byte W&B header/);
  });

  it('a bad checksum in the middle of the file names the record and its offset', async () => {
    const { bytes, at } = wandbFile(runRecords(100));
    bytes[at[40]! + 7 + 3] ^= 0xff; // a byte of record 41's data
    await refused([runFolder(bytes)], new RegExp(`run-abc123\\.wandb: record 41: at byte ${at[40]}: checksum mismatch: the record is corrupt`));
  });

  it('a truncated block: a chunk whose length runs past the end of its 32 KiB block', async () => {
    const { bytes, at } = wandbFile(runRecords(100));
    bytes.writeUInt16LE(40_000, at[10]! + 4); // record 11 claims more than a block holds
    await refused([runFolder(bytes)], new RegExp(`record 11: at byte ${at[10]}: a chunk of 40000 bytes overruns its 32 KiB block: the file is corrupt`));
  });

  it('a record that is not a valid protobuf, with a correct checksum', async () => {
    const records = runRecords(10);
    records[5] = Uint8Array.from([0x12, 0x40, 0x0a]); // field 2 (history), 64 bytes long, with 1 byte present
    const { bytes, at } = wandbFile(records);
    await refused([runFolder(bytes)], new RegExp(`run-abc123\\.wandb: record 6: at byte ${at[5]}: not a W&B Record protobuf \\(index out of range`));
  });

  it('a chunk type that does not exist, and a LAST chunk without its FIRST', async () => {
    const { bytes, at } = wandbFile(runRecords(20));
    const retyped = (type: number) => {
      const copy = Buffer.from(bytes);
      const length = copy.readUInt16LE(at[7]! + 4);
      copy.writeUInt8(type, at[7]! + 6);
      copy.writeUInt32LE(chunkChecksum(type, copy.subarray(at[7]! + 7, at[7]! + 7 + length)), at[7]!);
      return copy;
    };
    await refused([runFolder(retyped(9))], /record 8: at byte \d+: chunk type 9 is not FULL, FIRST, MIDDLE or LAST/);
    await refused([runFolder(retyped(4))], /record 8: at byte \d+: a LAST chunk without a FIRST chunk before it/);
  });

  it('non-zero padding at the end of a block', async () => {
    // Records sized so that the first block ends with 3 bytes of padding.
    const payload = (n: number) => record({ history: { item: [{ key: 'x', value_json: '"' + 'a'.repeat(n) + '"' }] } });
    const first = payload(10);
    const fill = 32768 - 3 - 7 - (7 + first.length) - 7;
    let filler = payload(fill - 20);
    for (let n = fill - 30; filler.length !== fill; n++) filler = payload(n);
    const { bytes } = wandbFile([first, filler, payload(5)]);
    expect(bytes.subarray(32765, 32768)).toEqual(Buffer.alloc(3));
    bytes[32766] = 1;
    await refused([runFolder(bytes)], /record 3: at byte 32766: the padding at the end of a 32 KiB block is not zero/);
  });

  it('a history value that is not JSON, and a _step that is not a number', async () => {
    const notJson = runRecords(5);
    notJson[3] = record({ history: { item: [{ key: '_step', value_json: '2' }, { key: 'loss', value_json: '{oops' }] } });
    await refused([runFolder(wandbFile(notJson).bytes)], /record 4: at byte \d+: the history item "loss" holds "\{oops", not JSON/);
    const textStep = runRecords(5);
    textStep[3] = record({ history: { item: [{ key: '_step', value_json: '"two"' }] } });
    await refused([runFolder(wandbFile(textStep).bytes)], /record 4: at byte \d+: the history row's _step "two" is not a number/);
  });

  it('a corrupt run among good ones undoes them all', async () => {
    runFolder(wandbFile(runRecords(50)).bytes, 'good1');
    const { bytes, at } = wandbFile(runRecords(50));
    bytes[at[30]! + 9] ^= 0x55;
    runFolder(bytes, 'zbad');
    await refused([join(t.dir, 'wandb')], /run-zbad\.wandb: record 31: at byte \d+: checksum mismatch/);
  });

  it('a run folder whose log is missing', async () => {
    const dir = join(t.dir, 'wandb', 'run-20260101_000000-nolog', 'files');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'wandb-summary.json'), '{"loss": 0.5, "_step": 10}');
    await refused([join(t.dir, 'wandb')], /run-20260101_000000-nolog: this W&B run folder has no run log/);
  });

  it('a cancel in the middle leaves nothing behind', async () => {
    const big = wandbFile(runRecords(60_000)).bytes;
    expect(big.length).toBeGreaterThan(4 << 20);
    runFolder(big);
    const abort = new AbortController();
    const seen: ImportProgress[] = [];
    const onProgress = (p: ImportProgress) => {
      seen.push(p);
      abort.abort();
    };
    await expect(importPaths(t.db, [join(t.dir, 'wandb')], { signal: abort.signal, onProgress })).rejects.toThrow(/import cancelled: nothing was written/);
    expect(seen[0]!.bytesDone).toBeLessThan(seen[0]!.bytesTotal);
    expect(seen[0]!.rows).toBeGreaterThan(0);
    expect(snapshot(t.db)).toBe(before);
  });
});

describe('what is not an error', () => {
  it('a log cut inside its last record: the complete records are imported and the rest reported', async () => {
    const { bytes, at } = wandbFile(runRecords(30));
    const summary = await importPaths(t.db, [runFolder(bytes.subarray(0, bytes.length - 5))]);
    expect(summary.runs[0]!.metrics).toEqual([
      { name: 'loss', role: 'loss', points: 29, nanCount: 0, infCount: 0 },
      { name: 'lr', role: 'lr', points: 29, nanCount: 0, infCount: 0 },
    ]);
    expect(summary.runs[0]!.bytesLeftOver).toBe(bytes.length - 5 - at[30]!);
  });

  it('records bigger than a block (FIRST, MIDDLE…, LAST), nested dicts, NaN, media skipped, W&B keys not metrics', async () => {
    const wide = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`layer${i}/grad_norm`, i / 7]));
    const records = [
      record({ run: { run_id: 'abc123', display_name: 'wide', tags: ['a', 'b'], notes: 'with notes' } }),
      record({ config: { update: [{ key: 'optimizer', value_json: '{"name": "AdamW", "lr": 0.0003, "betas": [0.9, 0.999]}' }, { key: 'seed', value_json: '42' }] } }),
      historyRecord(0, { train: { loss: 2.5, lr: 3e-4 }, image: { _type: 'image-file', path: 'media/x.png' }, ...wide }),
      record({ history: { item: [{ key: '_step', value_json: '1' }, { key: 'train', nested_key: ['train', 'loss'], value_json: 'NaN' }, { key: '_timestamp', value_json: '1.7e9' }] } }),
      historyRecord(2, { 'lr-AdamW': 2e-4, learning_rate: 2e-4, 'train/lr': 2e-4 }),
      record({ exit: { exit_code: 0 } }),
    ];
    const { bytes } = wandbFile(records);
    expect(records[2]!.length).toBeGreaterThan(2 * 32768); // spans three blocks
    const summary = await importPaths(t.db, [runFolder(bytes)]);
    const run = summary.runs[0]!;
    expect(run.name).toBe('wide (abc123)');
    const metric = (name: string) => run.metrics.find((m) => m.name === name);
    expect(metric('train/loss')).toEqual({ name: 'train/loss', role: 'loss', points: 2, nanCount: 1, infCount: 0 });
    expect(metric('train/lr')).toMatchObject({ role: 'lr', points: 2 });
    expect(metric('lr-AdamW')).toMatchObject({ role: 'lr', points: 1 });
    expect(metric('learning_rate')).toMatchObject({ role: 'lr', points: 1 });
    expect(metric('layer3999/grad_norm')).toMatchObject({ role: 'other', points: 1 });
    expect(run.metrics.some((m) => m.name.startsWith('image') || m.name.startsWith('_'))).toBe(false);
    const row = t.db.prepare<[number], { notes: string; params_json: string }>('SELECT notes, params_json FROM runs WHERE id = ?').get(run.id)!;
    expect(row.notes).toBe('with notes');
    expect(JSON.parse(row.params_json)).toMatchObject({ 'optimizer/name': 'AdamW', 'optimizer/lr': '0.0003', 'optimizer/betas': '[0.9,0.999]', seed: '42', 'wandb/state': 'finished' });
    const tags = t.db.prepare<[number], { tag: string }>('SELECT tag FROM run_tags WHERE run_id = ? ORDER BY tag').all(run.id);
    expect(tags.map((r) => r.tag)).toEqual(['a', 'b']);
  });

  it('a W&B log renamed without its .wandb ending is still recognised by its header', async () => {
    const path = join(t.dir, 'renamed.bin');
    writeFileSync(path, wandbFile(runRecords(4)).bytes);
    const summary = await importPaths(t.db, [path]);
    expect(summary.runs[0]).toMatchObject({ format: 'wandb', name: 'my run (abc123)' });
    expect(summary.runs[0]!.metrics.map((m) => m.points)).toEqual([4, 4]);
  });

  it('rows without _step (newer W&B auto-step rows) take the next step', async () => {
    const rows = [0, 1, 2].map((i) => record({ history: { item: [{ key: 'loss', value_json: String(1 / (i + 1)) }] } }));
    const summary = await importPaths(t.db, [runFolder(wandbFile(rows).bytes)]);
    expect(summary.runs[0]!.metrics).toEqual([{ name: 'loss', role: 'loss', points: 3, nanCount: 0, infCount: 0 }]);
    const id = t.db.prepare<[number], { id: number }>('SELECT id FROM metrics WHERE run_id = ?').get(summary.runs[0]!.id)!.id;
    expect(t.db.prepare<[number], { step_min: number; step_max: number }>('SELECT step_min, step_max FROM metrics WHERE id = ?').get(id)).toEqual({ step_min: 0, step_max: 2 });
  });

  it("an empty wandb-summary.json (a run killed early) gives way to the log's summary records", async () => {
    const records = [...runRecords(3), record({ summary: { update: [{ key: 'loss', value_json: '0.25' }, { key: 'best', nested_key: ['best', 'acc'], value_json: '0.9' }] } })];
    const log = runFolder(wandbFile(records).bytes);
    mkdirSync(join(log, '..', 'files'));
    writeFileSync(join(log, '..', 'files', 'wandb-summary.json'), '');
    writeFileSync(join(log, '..', 'files', 'config.yaml'), '');
    const summary = await importPaths(t.db, [join(t.dir, 'wandb')]);
    const params = JSON.parse(t.db.prepare<[number], { params_json: string }>('SELECT params_json FROM runs WHERE id = ?').get(summary.runs[0]!.id)!.params_json) as Record<string, string>;
    expect(params).toMatchObject({ 'summary/loss': '0.25', 'summary/best/acc': '0.9', 'wandb/state': 'crashed or still running (no exit record)' });
  });

  it('the pre-0.10 layout: wandb-history.jsonl, config.yaml and wandb-summary.json in the run folder', async () => {
    const dir = join(t.dir, 'wandb', 'run-20190501_120000-old1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'wandb-history.jsonl'), ['{"_step": 0, "loss": 2.0, "lr": 0.1, "_runtime": 1}', '{"_step": 1, "loss": 1.5, "lr": 0.05}', ''].join('\n'));
    writeFileSync(join(dir, 'config.yaml'), 'wandb_version: 1\n\nbatch_size:\n  desc: null\n  value: 32\nopt:\n  desc: the optimizer\n  value:\n    name: sgd\n    momentum: 0.9\n');
    writeFileSync(join(dir, 'wandb-summary.json'), '{"loss": 1.5, "lr": 0.05, "_step": 1}');
    const summary = await importPaths(t.db, [join(t.dir, 'wandb')]);
    expect(summary.runs[0]!.metrics).toEqual([
      { name: 'loss', role: 'loss', points: 2, nanCount: 0, infCount: 0 },
      { name: 'lr', role: 'lr', points: 2, nanCount: 0, infCount: 0 },
    ]);
    const params = JSON.parse(t.db.prepare<[number], { params_json: string }>('SELECT params_json FROM runs WHERE id = ?').get(summary.runs[0]!.id)!.params_json) as Record<string, string>;
    expect(params).toMatchObject({ batch_size: '32', 'opt/name': 'sgd', 'opt/momentum': '0.9', 'summary/loss': '1.5' });
  });
});
