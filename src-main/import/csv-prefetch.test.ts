// A big CSV's rows parsed ahead by the worker (csv-prefetch.ts) are the rows a read without it
// gives: the same points in the same order, the general way's records in between, the same errors
// with the same line numbers, and a cancel leaves the database as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { querySeries } from '../db/points';
import { CsvPrefetch, PREFETCH_MIN_BYTES, type Batch } from './csv-prefetch';
import { importPaths } from './index';
import { freshDbEachTest, snapshot } from './test-support';

/** Counts the rows the import took from the worker's batches. */
function spyOnBatches(): { rows: number } {
  const seen = { rows: 0 };
  const original = CsvPrefetch.prototype.batchAt;
  const counted = new WeakSet<Batch>(); // batchAt calls itself once the worker has answered
  const count = (batch: Batch | null) => {
    if (batch && !counted.has(batch)) {
      counted.add(batch);
      seen.rows += batch.rows;
    }
    return batch;
  };
  vi.spyOn(CsvPrefetch.prototype, 'batchAt').mockImplementation(function (this: CsvPrefetch, block: number, offset: number) {
    const answer = original.call(this, block, offset);
    return answer instanceof Promise ? answer.then(count) : count(answer);
  });
  return seen;
}

describe('the CSV parse worker', () => {
  const t = freshDbEachTest();
  beforeEach(() => {
    // Every batch the worker can give: from the sources the worker is off unless asked for, and a
    // worker started through tsx takes ~1 s, so timing alone would leave it little to do.
    vi.stubEnv('LRSCOPE_CSV_WORKER', 'wait');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  function points(runId: number, metric: string): { steps: number[]; values: number[] } {
    const { id } = t.db.prepare<[number, string], { id: number }>('SELECT id FROM metrics WHERE run_id = ? AND name = ?').get(runId, metric)!;
    const s = querySeries(t.db, id, { maxPoints: 1_000_000 });
    return { steps: Array.from(s.steps), values: Array.from(s.values) };
  }

  // "wait": every block the worker can parse comes from it; "shared": as a user's import runs, the
  // import's thread parsing the blocks the worker has not reached (which ones depends on timing).
  it.each(['wait', 'shared'])('gives the points a read without it gives, odd records and a restart included (%s)', async (mode) => {
    vi.stubEnv('LRSCOPE_CSV_WORKER', mode === 'wait' ? 'wait' : 'on');
    const lines = ['step,loss,lr,grad'];
    const want = { loss: new Map<number, number>(), lr: new Map<number, number>(), grad: new Map<number, number>() };
    const rows = 360_000;
    for (let i = 0; i < rows; i++) {
      // A restart from step 200,000 at row 250,000: the rows logged after it replace the earlier ones.
      const step = i < 250_000 ? i : i - 50_000;
      const loss = Math.exp(-i / 5e4) + (i % 13) / 7e3;
      const lr = 1e-3 * Math.cos(i / 1e5);
      const grad = (i % 17) / 3;
      if (i % 40_000 === 7) lines.push(`${step},"${loss}",${lr},"${grad}"`); // quotes: the general way
      else if (i % 40_000 === 8) lines.push(`${step},${loss},NA,${grad}`); // a missing marker
      else if (i % 40_000 === 9) lines.push(`${step} , ${loss}\t,${lr} ,\r`); // blanks, a blank last field, CRLF
      else lines.push(`${step},${loss},${lr},${grad}`);
      if (i % 50_000 === 3) lines.push('');
      want.loss.set(step, loss);
      if (i % 40_000 !== 8) want.lr.set(step, lr);
      else want.lr.delete(step);
      if (i % 40_000 !== 9) want.grad.set(step, grad);
      else want.grad.delete(step);
    }
    const csv = join(t.dir, 'big.csv');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(PREFETCH_MIN_BYTES + (1 << 20));
    writeFileSync(csv, text);
    const fromWorker = spyOnBatches();
    const run = (await importPaths(t.db, [csv])).runs[0]!;
    if (mode === 'wait') expect(fromWorker.rows).toBeGreaterThan(rows * 0.8);
    expect(run.resumes).toEqual([200_000]);
    for (const name of ['loss', 'lr', 'grad'] as const) {
      const sorted = [...want[name]].sort((a, b) => a[0] - b[0]);
      expect(points(run.id, name), name).toEqual({ steps: sorted.map(([s]) => s), values: sorted.map(([, v]) => v) });
    }
  });

  it('names the line of a bad record deep in the file, and writes nothing', async () => {
    const rows = Array.from({ length: 500_000 }, (_, i) => `${i},${1 / (i + 1)},${i % 7}`);
    rows[431_234] = '431234,oops,3';
    const csv = join(t.dir, 'bad.csv');
    writeFileSync(csv, `step,loss,epoch\n${rows.join('\n')}\n`);
    const before = snapshot(t.db);
    const fromWorker = spyOnBatches();
    await expect(importPaths(t.db, [csv])).rejects.toThrow(/bad\.csv: line 431236: "loss" is "oops", not a number/);
    expect(fromWorker.rows).toBeGreaterThan(0);
    expect(snapshot(t.db)).toBe(before);
  });

  it('stops with a cancel, and the database is as it was', async () => {
    const rows = Array.from({ length: 500_000 }, (_, i) => `${i},${1 / (i + 1)},${i % 7}`);
    const csv = join(t.dir, 'cancel.csv');
    writeFileSync(csv, `step,loss,epoch\n${rows.join('\n')}\n`);
    const before = snapshot(t.db);
    const abort = new AbortController();
    const onProgress = () => abort.abort(); // at the end of the first block: the worker has started
    const stop = vi.spyOn(CsvPrefetch.prototype, 'stop');
    await expect(importPaths(t.db, [csv], { signal: abort.signal, onProgress })).rejects.toThrow(/import cancelled: nothing was written/);
    expect(snapshot(t.db)).toBe(before);
    expect(stop).toHaveBeenCalledOnce(); // the worker is stopped, not left reading
  });
});
