// Inputs that cannot be imported: each gives a message naming the file, the line or record and
// the reason, and leaves the database exactly as it was (a run imported before is still there).
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from './index';
import { scalarEvent, tfRecord, versionEvent } from './tensorboard/event-writer';
import { refusals } from './test-support';

const { t, file, refused } = refusals();

function eventFile(name: string, events: number): { path: string; bytes: Buffer; offsets: number[] } {
  const records = [tfRecord(versionEvent()), ...Array.from({ length: events }, (_, i) => tfRecord(scalarEvent(i, 'loss', 1 / (i + 1))))];
  const offsets = records.map((_, i) => records.slice(0, i).reduce((n, r) => n + r.length, 0));
  const bytes = Buffer.concat(records);
  return { path: file(name, bytes), bytes, offsets };
}

describe('refused inputs leave the database unchanged', () => {
  it('an empty file', async () => {
    await refused([file('empty.csv', '')], /empty\.csv: the file is empty/);
  });

  it('binary garbage', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    await refused([file('garbage.bin', garbage)], /garbage\.bin: unsupported format: binary data/);
  });

  it('a header only', async () => {
    await refused([file('header.csv', 'step,loss,lr\n')], /header\.csv: only a header, no data rows/);
  });

  it('a row with too few fields in the middle', async () => {
    const rows = ['step,loss,lr,grad_norm', ...Array.from({ length: 10 }, (_, i) => `${i},0.5,0.1,1.0`)];
    rows[5] = '4,0.5';
    await refused([file('short.csv', rows.join('\n'))], /short\.csv: line 6: expected 4 fields, found 2/);
  });

  it('a non-numeric value in a numeric column', async () => {
    await refused([file('text.csv', 'step,loss\n0,0.5\n1,0.4\n2,oops\n3,0.3\n')], /text\.csv: line 4: "loss" is "oops", not a number/);
  });

  it('no numeric column besides the step', async () => {
    await refused([file('names.csv', 'step,phase\n0,train\n1,eval\n')], /names\.csv: no numeric column besides the step/);
  });

  it('a CRC mismatch in an event file', async () => {
    const { path, bytes, offsets } = eventFile('events.out.tfevents.1.host', 100);
    bytes[offsets[77 - 1]! + 14] ^= 0xff; // a byte of record 77's data
    writeFileSync(path, bytes);
    await refused([path], /events\.out\.tfevents\.1\.host: record 77: CRC mismatch/);
  });

  it('a JSON line that is not JSON', async () => {
    const lines = ['{"step": 0, "loss": 1.5}', '{"step": 1, "loss": 1.4}', '{"step": 2, "loss": 1.3', '{"step": 3, "loss": 1.2}'];
    await refused([file('log.jsonl', lines.join('\n'))], /log\.jsonl: line 3: not valid JSON/);
  });

  it('a trainer_state.json without log_history', async () => {
    await refused([file('trainer_state.json', JSON.stringify({ global_step: 10, epoch: 1 }))], /trainer_state\.json: no "log_history" list/);
  });

  it('a 200 MB line', async () => {
    const path = join(t.dir, 'long.csv');
    const out = createWriteStream(path);
    out.write('step,loss\n0,1\n');
    const chunk = Buffer.alloc(1 << 20, 0x37); // "7777…"
    for (let i = 0; i < 200; i++) out.write(chunk);
    await new Promise<void>((done) => out.end('\n2,3\n', () => done()));
    await refused([path], /long\.csv: line 3: the line is longer than 16 MiB/);
  });

  it('a failure in the second of two files undoes the first', async () => {
    const good = file('good.csv', 'step,loss\n0,1\n1,0.5\n');
    await refused([good, file('bad.csv', 'step,loss\n0,1\n1\n')], /bad\.csv: line 3: expected 2 fields, found 1/);
  });
});

describe('what is not an error', () => {
  it('a truncated final record: the complete records are imported and the rest reported', async () => {
    const { path, bytes } = eventFile('events.out.tfevents.2.host', 50);
    writeFileSync(path, bytes.subarray(0, bytes.length - 7));
    const summary = await importPaths(t.db, [path]);
    expect(summary.runs[0]!.metrics).toEqual([
      { name: 'loss', role: 'loss', points: 49, nanCount: 0, infCount: 0 },
      { name: 'wall_time', role: 'clock', points: 49, nanCount: 0, infCount: 0 },
    ]);
    expect(summary.runs[0]!.bytesLeftOver).toBe(tfRecord(scalarEvent(49, 'loss', 1 / 50)).length - 7);
  });

  it("Python's NaN and Infinity in JSON lines, nested objects flattened", async () => {
    const lines = ['{"step": 0, "train": {"loss": 2.5}, "lr": 0.1}', '{"step": 1, "train": {"loss": NaN}, "lr": 0.1, "note": "NaN here"}', '{"step": 2, "train": {"loss": Infinity}, "lr": -Infinity}'];
    const summary = await importPaths(t.db, [file('py.jsonl', lines.join('\n'))]);
    expect(summary.runs[0]!.metrics).toEqual([
      { name: 'train/loss', role: 'loss', points: 3, nanCount: 1, infCount: 1 },
      { name: 'lr', role: 'lr', points: 3, nanCount: 0, infCount: 1 },
    ]);
  });

  it('a restart in a CSV: later values replace the overlapping steps', async () => {
    const rows = ['step,loss', ...[0, 1, 2, 3, 4, 5, 3, 4, 5, 6].map((s, i) => `${s},${i}`)];
    const summary = await importPaths(t.db, [file('restart.csv', `${rows.join('\r\n')}\r\n`)]);
    expect(summary.runs[0]!.resumes).toEqual([3]);
    expect(summary.runs[0]!.metrics[0]!.points).toBe(7);
  });

  it('quoted fields, a BOM, CRLF and semicolons', async () => {
    const text = '\ufeff"step";"val; loss";"lr"\r\n0;"1,5";0.1\r\n1;"1.25";0.1\r\n';
    const summary = await importPaths(t.db, [file('quoted.csv', text.replace('"1,5"', '"1.5"'))]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([
      ['val; loss', 2],
      ['lr', 2],
    ]);
    expect(readFileSync(join(t.dir, 'quoted.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
  });
});
