// The CSV fast path reads exactly what the general way reads: the same numbers, bit for bit, and
// it hands every record it does not fully understand to the general way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { querySeries } from '../db/points';
import { readNumericRow } from './csv-fast';
import { importPaths } from './index';
import { freshDbEachTest } from './test-support';

function row(text: string, width: number, delimiter = 44): { at: number; values: number[]; present: number[] } {
  const b = Buffer.from(text, 'latin1');
  const values = new Float64Array(width);
  const present = new Uint8Array(width);
  const at = readNumericRow(b, new DataView(b.buffer, b.byteOffset, b.byteLength), 0, b.length, delimiter, width, values, present);
  return { at, values: Array.from(values), present: Array.from(present) };
}

describe('readNumericRow', () => {
  it('reads every decimal exactly as Number() does', () => {
    let seed = 987654;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const x = random() * 10 ** Math.floor(random() * 16 - 10);
      texts.push(String(x), String(-x), x.toPrecision(17), x.toPrecision(19), x.toFixed(6), String(Math.fround(x)), x.toExponential(16), String(Math.round(x * 1e6)));
      let digits = '0.';
      for (let j = 0; j < 17; j++) digits += Math.floor(random() * 10);
      texts.push(digits, `9${digits.slice(1)}`, `${digits.slice(2, 12)}.${digits.slice(12)}`, `1${digits.slice(2)}`);
    }
    const wrong: string[] = [];
    for (let i = 0; i + 3 <= texts.length; i += 3) {
      const three = texts.slice(i, i + 3);
      const r = row(`${three[0]},${three[1]},${three[2]}\n`, 3);
      if (r.at < 0) wrong.push(`refused ${three.join(',')}`);
      three.forEach((t, c) => {
        if (!Object.is(r.values[c], Number(t))) wrong.push(t);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('takes blanks, blank fields, CRLF and tabs; ends at the newline', () => {
    expect(row(' 1.5 ,\t-2e3 , +.5\r\n7,8,9', 3)).toEqual({ at: 18, values: [1.5, -2000, 0.5], present: [1, 1, 1] });
    expect(row('1,,3', 3)).toMatchObject({ at: 4, values: [1, expect.any(Number), 3], present: [1, 0, 1] });
    expect(row('1,2,\r\n', 3)).toMatchObject({ at: 5, present: [1, 1, 0] });
    expect(row('1\t 2\t3', 3, 9)).toMatchObject({ at: 6, values: [1, 2, 3] });
    expect(Object.is(row('-0,0,0', 3).values[0], -0)).toBe(true);
  });

  it('refuses what the general way must read', () => {
    for (const text of ['1,2', '1,2,3,4', '"1",2,3', '1,NA,3', '1,nan,3', '1,x,3', '1,1e,3', '1,.,3', '1,--1,3', '1,2 3,3', '1,0x10,3', '1,12345678901234567890,3']) {
      expect(row(text, 3).at, text).toBe(-1);
    }
  });
});

describe('CSV import, fast and general records mixed', () => {
  const t = freshDbEachTest();

  function values(runId: number, metric: string): { steps: number[]; values: number[] } {
    const { id } = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(runId, metric)!;
    const s = querySeries(t.db, id, { maxPoints: 1_000_000 });
    return { steps: Array.from(s.steps), values: Array.from(s.values) };
  }

  it('gives the points the rows hold, across block boundaries', async () => {
    const lines = ['step,loss,lr,grad'];
    const want: Record<string, { steps: number[]; values: number[] }> = { loss: { steps: [], values: [] }, lr: { steps: [], values: [] }, grad: { steps: [], values: [] } };
    const add = (name: string, step: number, value: number) => {
      want[name]!.steps.push(step);
      want[name]!.values.push(value);
    };
    for (let i = 0; i < 150_000; i++) {
      const loss = Math.exp(-i / 5e4) + (i % 13) / 7e3;
      const lr = 1e-3 * Math.cos(i / 1e5);
      const grad = (i % 17) / 3;
      add('loss', i, loss);
      if (i % 1000 === 7) lines.push(`${i},"${loss}",${lr},"${grad}"`); // quotes: the general way
      else if (i % 1000 === 8) lines.push(`${i},${loss},NA,${grad}`); // a missing marker
      else if (i % 1000 === 9) lines.push(`${i} , ${loss}\t,${lr} ,\r`); // blanks, a blank last field, CRLF
      else lines.push(`${i},${loss},${lr},${grad}`);
      if (i % 1000 !== 8) add('lr', i, lr);
      if (i % 1000 !== 9) add('grad', i, grad);
      if (i % 2500 === 3) lines.push('');
    }
    const csv = join(t.dir, 'mixed.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const summary = await importPaths(t.db, [csv]);
    const run = summary.runs[0]!;
    expect(run.metrics.map((m) => [m.name, m.points])).toEqual([
      ['loss', 150_000],
      ['lr', 150_000 - 150],
      ['grad', 150_000 - 150],
    ]);
    for (const name of ['loss', 'lr', 'grad']) expect(values(run.id, name), name).toEqual(want[name]);
  });

  it('skips a text column and reads the rest', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${1 / (i + 1)},${i % 3 === 0 ? 'train' : ''}`);
    const csv = join(t.dir, 'text.csv');
    writeFileSync(csv, `step,loss,phase\n${rows.join('\n')}\n`);
    const summary = await importPaths(t.db, [csv]);
    expect(summary.runs[0]!.metrics.map((m) => [m.name, m.points])).toEqual([['loss', 30_000]]);
    expect(values(summary.runs[0]!.id, 'loss').values[29_999]).toBe(1 / 30_000);
  });

  it('names the line of a bad record met after fast ones', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},${1 / (i + 1)}`);
    rows[41_234] = '41234,oops';
    const csv = join(t.dir, 'bad.csv');
    writeFileSync(csv, `step,loss\n${rows.join('\n')}\n`);
    await expect(importPaths(t.db, [csv])).rejects.toThrow(/bad\.csv: line 41236: "loss" is "oops", not a number/);
  });
});
