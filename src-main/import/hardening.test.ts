// Regression tests for the hardening pass (issue 11): each feeds the exact input that was found to
// hang, blow up or import silently short, and checks the message and that the database is exactly
// as it was. The inputs are sized so that the old code took many seconds; none asserts on a timer
// (bench/hardening.bench.ts has the figures).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { importPaths, previewImport } from './index';
import { EventType } from './tensorboard/event-proto';
import { maskedCrc32c } from './tensorboard/tfrecord';
import { scalarEvent, tfRecord, versionEvent } from './tensorboard/event-writer';
import { refusals } from './test-support';

const { t, file, refused, keep, unchanged } = refusals();

function rows(from: number, count: number): string {
  let out = '';
  for (let i = from; i < from + count; i++) out += `${i},${(1 / (i + 1)).toFixed(6)}\n`;
  return out;
}

describe('1. an unbalanced quote in a CSV', () => {
  it('is an error naming the line where the quote opened (the exact input of the report)', async () => {
    await refused([file('q.csv', 'step,loss\n0,1.0\n"1,0.9\n2,0.8\n3,0.7\n')], /q\.csv: line 3: a quote \("\) opened on this line is never closed/);
  });

  it('is found in one pass when 100,000 rows follow it (the old code took minutes)', async () => {
    await refused([file('q100k.csv', `step,loss\n0,1.0\n"1,0.9\n${rows(2, 100_000)}`)], /q100k\.csv: line 3: a quote(d field)? (\("\) )?opened on this line/);
  });

  it('bounds a quoted field: one that runs on past 1 MiB is refused where it opened', async () => {
    const path = file('long-quote.csv', `step,loss\n0,1.0\n1,"${'x\n'.repeat(600_000)}"\n2,0.5\n`);
    await refused([path], /long-quote\.csv: line 3: a quoted field opened on this line runs on for more than 1 MiB/);
  });

  it('fails the preview of a 1 MB such file at once, with the same reason', async () => {
    const path = file('preview.csv', `step,loss\n0,1.0\n"1,0.9\n${rows(2, 80_000)}`);
    await expect(previewImport([path])).rejects.toThrow(/preview\.csv: line 3: a quote(d field)? (\("\) )?opened on this line/);
  });

  it('still reads quoted newlines that close', async () => {
    const summary = await importPaths(t.db, [file('ok.csv', 'step,loss,note\n0,1.0,"a\nb"\n1,0.5,c\n')]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([['loss', 2]]);
  });
});

describe('3. named pipes, devices and symlink loops', () => {
  const fifo = (name: string): string => {
    const path = join(t.dir, name);
    execFileSync('mkfifo', [path]);
    return path;
  };

  it('a FIFO is refused before it is opened (it used to hang the import)', async () => {
    await refused([fifo('metrics.csv')], /metrics\.csv: a named pipe \(FIFO\), not a file: lrscope reads only regular files and folders/);
  });

  it('a FIFO named like an event file, and its preview, are refused the same way', async () => {
    const path = fifo('events.out.tfevents.1.host');
    await refused([path], /events\.out\.tfevents\.1\.host: a named pipe \(FIFO\)/);
    await expect(previewImport([path])).rejects.toThrow(/a named pipe \(FIFO\)/);
  });

  it('a character device is refused', async () => {
    await refused(['/dev/zero'], /\/dev\/zero: a character device, not a file/);
  });

  it('a folder walk passes over a FIFO and reads the logs beside it', async () => {
    mkdirSync(join(t.dir, 'run'));
    execFileSync('mkfifo', [join(t.dir, 'run', 'a.csv')]);
    writeFileSync(join(t.dir, 'run', 'b.csv'), 'step,loss\n0,1\n1,0.5\n');
    const summary = await importPaths(t.db, [join(t.dir, 'run')]);
    expect(summary.runs.map((r) => r.name)).toEqual(['b']);
  });

  it('a symlink loop says so, not "no such file"', async () => {
    symlinkSync(join(t.dir, 'loop-b'), join(t.dir, 'loop-a'));
    symlinkSync(join(t.dir, 'loop-a'), join(t.dir, 'loop-b'));
    await refused([join(t.dir, 'loop-a')], /loop-a: symlink loop/);
  });
});

describe('2. a TFRecord header that declares a false length', () => {
  /** A length field with a valid CRC, as a corrupt or cut file can hold. */
  function header(length: number): Buffer {
    const out = Buffer.alloc(12);
    out.writeBigUInt64LE(BigInt(length), 0);
    out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
    return out;
  }
  const events = (n: number) => Buffer.concat([tfRecord(versionEvent()), ...Array.from({ length: n }, (_, i) => tfRecord(scalarEvent(i, 'loss', 1 / (i + 1))))]);

  it('is a truncated tail reported with its offset, found without copying the rest (128 MiB took 12 s)', async () => {
    const good = events(10);
    const path = file('events.out.tfevents.1.host', Buffer.concat([good, header(1 << 30)]));
    truncateSync(path, 128 << 20); // 128 MiB that the false record claims part of
    const summary = await importPaths(t.db, [path]);
    const run = summary.runs[0]!;
    expect(run.metrics).toEqual([
      { name: 'loss', role: 'loss', points: 10, nanCount: 0, infCount: 0 },
      { name: 'wall_time', role: 'clock', points: 10, nanCount: 0, infCount: 0 },
    ]);
    expect(run.bytesLeftOver).toBe((128 << 20) - good.length);
    expect(run.leftOut).toEqual([`${path}: record 12 at byte ${good.length}: declares 1073741824 bytes of data but the file ends ${(128 << 20) - good.length - 12} bytes after its header (a cut file or a corrupt length); not imported`]);
  });

  it('as the first record: the reason is the unfinished record, not "no scalar summaries"', async () => {
    const path = file('events.out.tfevents.2.host', header(1 << 29));
    truncateSync(path, 64 << 20);
    await refused([path], /events\.out\.tfevents\.2\.host: no complete scalar record before the unfinished one \(.*record 1 at byte 0: declares 536870912 bytes/);
  });

  it('real records bigger than a block (kept, and streamed past) still read, their CRC checked', async () => {
    const bigEvent = (bytes: number) => EventType.encode(EventType.fromObject({ wall_time: 1, file_version: 'x'.repeat(bytes) })).finish();
    for (const bytes of [3 << 20, 20 << 20]) {
      const records = [tfRecord(versionEvent()), tfRecord(bigEvent(bytes)), tfRecord(scalarEvent(0, 'loss', 1)), tfRecord(scalarEvent(1, 'loss', 0.5))];
      const path = file(`events.out.tfevents.${bytes}.host`, Buffer.concat(records));
      const summary = await importPaths(t.db, [path]);
      expect(summary.runs[0]!.metrics[0]!.points).toBe(2);
      const corrupt = Buffer.concat(records);
      corrupt[records[0]!.length + 12 + (bytes >> 1)] ^= 1;
      writeFileSync(path, corrupt);
      await expect(importPaths(t.db, [path])).rejects.toThrow(/record 2: CRC mismatch/);
    }
  });
});

describe('8. a last line without a newline', () => {
  it('is set aside and reported when it is cut mid-number (it was stored as 1795596780)', async () => {
    // A big number cut mid-way (a token counter here; the reported case was a timestamp, which the
    // import now leaves out as a clock column).
    const path = file('cut.csv', 'step,loss,tokens\n0,1.0,1795596779.5\n1,0.9,1795596780.16');
    const summary = await importPaths(t.db, [path]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([
      ['loss', 1],
      ['tokens', 1],
    ]);
    expect(summary.runs[0]!.leftOut).toEqual([`${path}: line 3: the last line has no newline at its end (cut, or still being written); not imported`]);
  });

  it('is set aside when the cut falls on a field boundary (the whole import used to fail)', async () => {
    const path = file('cut2.csv', 'step,loss,lr\n0,1.0,0.1\n1,0.9,0.1\n2,');
    const summary = await importPaths(t.db, [path]);
    expect(summary.runs[0]!.metrics.map((m) => m.points)).toEqual([2, 2]);
    expect(summary.runs[0]!.leftOut?.[0]).toMatch(/cut2\.csv: line 4: the last line has no newline/);
  });

  it('in JSON lines: a cut object is set aside; an object that closes is whole and imported', async () => {
    const cut = file('cut.jsonl', '{"step": 0, "loss": 1.0}\n{"step": 1, "loss": 0.9}\n{"step": 2, "loss": 0.8');
    const a = await importPaths(t.db, [cut]);
    expect(a.runs[0]!.metrics[0]!.points).toBe(2);
    expect(a.runs[0]!.leftOut?.[0]).toMatch(/cut\.jsonl: line 3: the last line has no newline/);
    const whole = await importPaths(t.db, [file('whole.jsonl', '{"step": 0, "loss": 1.0}\n{"step": 1, "loss": 0.9}')]);
    expect(whole.runs[0]!.metrics[0]!.points).toBe(2);
    expect(whole.runs[0]!.leftOut).toBeUndefined();
  });

  it('a file whose only data row is cut says so', async () => {
    await refused([file('one.csv', 'step,loss\n0,1.')], /one\.csv: only a header, no data rows \(line 2 has no newline at its end/);
  });
});

describe('7. a step that is not a whole number from 0', () => {
  it.each([
    ['1e400', 'step,loss\n0,1.0\n1e400,0.9\n2,0.8\n', /bad\.csv: line 3: the step "1e400" is not a whole number from 0 to 2\^53 \(column "step"\)/],
    ['a fraction', 'step,loss\n0,1.0\n1.5,0.9\n', /bad\.csv: line 3: the step "1.5" is not a whole number/],
    ['negative', 'step,loss\n0,1.0\n-1,0.9\n', /bad\.csv: line 3: the step "-1" is not a whole number/],
    ['past 2^53', 'step,loss\n0,1.0\n9007199254740993,0.9\n', /bad\.csv: line 3: the step "9007199254740993" is not a whole number/],
  ])('CSV: %s', async (_what, text, message) => {
    await refused([file('bad.csv', text)], message);
  });

  it('JSON lines, trainer_state.json and MLflow name the line or entry', async () => {
    await refused([file('bad.jsonl', '{"step": 0, "loss": 1}\n{"step": 1e400, "loss": 2}\n')], /bad\.jsonl: line 2: the step Infinity is not a whole number/);
    await refused([file('trainer_state.json', JSON.stringify({ log_history: [{ step: 0, loss: 1 }, { step: 2.5, loss: 1 }] }))], /trainer_state\.json: log_history entry 2: the step 2.5 is not a whole number/);
  });
});

describe('4. a table far wider than a training log', () => {
  it('a CSV of 400,000 columns is refused at its header, before a metric is made (it took 2.4 GB)', async () => {
    const names = Array.from({ length: 400_000 }, (_, i) => `m${i}`);
    const path = file('wide.csv', `step,${names.join(',')}\n0,${names.map(() => '1').join(',')}\n`);
    await refused([path], /wide\.csv: line 1: 400,000 metrics in one run: lrscope imports at most 10,000 per run/);
  });

  it('10,000 metrics are fine; JSON lines that add the 10,001st name the line', async () => {
    const ok = Array.from({ length: 10_000 }, (_, i) => `"m${i}": ${i}`).join(', ');
    const summary = await importPaths(t.db, [file('ok.jsonl', `{"step": 0, ${ok}}\n`)], { format: 'jsonl' });
    expect(summary.runs[0]!.metrics).toHaveLength(10_000);
    keep();
    const wide = `{"step": 1, ${ok}, "one_more": 1}\n`;
    await refused([file('wide.jsonl', `{"step": 0, "loss": 1}\n${wide}`)], /wide\.jsonl: line 2: more than 10,000 metrics in one run/);
  });
});

describe('5. raw JavaScript errors as messages', () => {
  const deep = (n: number) => `${'{"a": '.repeat(n)}1${'}'.repeat(n)}`;

  it('a JSON line nested 10,000 deep: the line and the reason, not "Maximum call stack size exceeded"', async () => {
    await refused([file('deep.jsonl', `{"step": 0, "loss": 1}\n{"step": 1, "x": ${deep(10_000)}}\n`)], /deep\.jsonl: line 2: not valid JSON at column 612: nested more than 100 levels deep/);
  });

  it('a trainer_state.json nested 10,000 deep names its line', async () => {
    await refused([file('trainer_state.json', `{"log_history": [\n{"step": 1, "x": ${deep(10_000)}}]}`)], /trainer_state\.json: line 2: not valid JSON at column 600: nested more than 100 levels deep/);
  });

  it('a 600 MB MLflow parameter is refused from its size, before it is read ("Invalid string length")', async () => {
    const run = join(t.dir, 'mlruns', '1', 'abc');
    mkdirSync(join(run, 'metrics'), { recursive: true });
    mkdirSync(join(run, 'params'));
    writeFileSync(join(run, 'meta.yaml'), 'run_id: abc\n');
    writeFileSync(join(run, 'metrics', 'loss'), '1700000000000 0.5 0\n');
    writeFileSync(join(run, 'params', 'huge'), '');
    truncateSync(join(run, 'params', 'huge'), 600 << 20);
    await refused([run], /params\/huge: 629145600 bytes is too big for an MLflow parameter \(at most 64 KiB\)/);
  });
});

describe('6. the reasons given', () => {
  it('JSON errors give the line and column, not "position N"', async () => {
    await refused([file('trainer_state.json', '{\n  "log_history": [\n    {"step": 1, "loss": 0.5,}\n  ]\n}\n')], /trainer_state\.json: line 3: not valid JSON at column 29: expected a "key" in double quotes, found "}"/);
    await refused([file('bad.jsonl', '{"step": 0, "loss": 1}\n{"step": 1 "loss": 2}\n')], /bad\.jsonl: line 2: not valid JSON at column 12: expected ',' or '}', found "\\""/);
  });

  it('two imports at once: the second names the file it could not import and the import holding the lock', async () => {
    const other = openDatabase(t.db.name).db;
    other.prepare('BEGIN IMMEDIATE').run(); // as another process's import holds it
    writeFileSync(`${t.db.name}-import.json`, JSON.stringify({ pid: process.pid, paths: ['/logs/big.csv'], started: '2026-11-29T13:00:00.000Z' }));
    try {
      const path = file('second.csv', 'step,loss\n0,1\n');
      await expect(importPaths(t.db, [path])).rejects.toThrow(
        `${path}: not imported: another import (of /logs/big.csv, process ${process.pid}, started 2026-11-29T13:00:00.000Z) is writing to ${t.db.name}; try again when it has finished`,
      );
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    unchanged();
  });

  it('UTF-16 with a BOM is named, not "binary data" (with or without a chosen format)', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('step,loss\r\n0,1.0\r\n1,0.9\r\n', 'utf16le')]);
    await refused([file('utf16.csv', text)], /utf16\.csv: unsupported format: UTF-16 text; save it as UTF-8/);
    await expect(importPaths(t.db, [file('utf16b.csv', text)], { format: 'csv' })).rejects.toThrow(/utf16b\.csv: UTF-16 text; save it as UTF-8/);
  });

  it('one bad byte in the first 64 KiB: the file is read, and a field where it matters names its line', async () => {
    const ok = Buffer.concat([Buffer.from('step,loss,note\n0,1.0,caf'), Buffer.from([0xe9]), Buffer.from('\n1,0.9,x\n')]);
    const summary = await importPaths(t.db, [file('latin1.csv', ok)]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([['loss', 2]]);
    keep();
    const bad = Buffer.concat([Buffer.from('step,loss\n0,1.0\n1,0.'), Buffer.from([0xff]), Buffer.from('9\n2,0.8\n')]);
    await refused([file('badbyte.csv', bad)], /badbyte\.csv: line 3: "loss" is "0\.\ufffd9", not a number/);
  });

  it('CR-only line ends are read (they gave "only a header, no data rows")', async () => {
    const summary = await importPaths(t.db, [file('mac.csv', 'step,loss\r0,1.0\r1,0.9\r2,0.8\r')]);
    expect(summary.runs[0]!.metrics).toEqual([{ name: 'loss', role: 'loss', points: 3, nanCount: 0, infCount: 0 }]);
  });
});

describe('found by the fuzzer', () => {
  it('a run of 200,000 digits ending in a letter is read in one pass (a backtracking number pattern: 40,000 took 6 s, 2 MB hung)', async () => {
    const path = file('flair.tsv', `EPOCH\tNOTE\tLOSS\n0\t${'1'.repeat(200_000)}_\t0.5\n1\tx\t0.4\n`);
    const summary = await importPaths(t.db, [path]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([
      ['EPOCH', 2],
      ['LOSS', 2],
    ]);
  });
});
