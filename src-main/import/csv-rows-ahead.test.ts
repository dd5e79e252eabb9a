// A big CSV read with its rows parsed ahead by the worker thread gives exactly what the import
// thread alone gives: the same runs, points (bit for bit), restarts and errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src-shared/api/import-types';
import { querySeries } from '../db/points';
import { rowsAheadSettings } from './csv-rows-ahead';
import { importPaths } from './index';
import { freshDb, tempFolder } from './test-support';

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/**
 * ~6 MB of a training log with what makes the fast path stop now and then: quoted fields, blank
 * lines, CRLF, blank fields, words for missing values, a restart, and one line over a megabyte
 * (it crosses a block's end).
 */
function log(badLine?: number): string {
  const rnd = random(3);
  const lines = ['step,loss,lr,note,grad_norm'];
  let step = 0;
  for (let i = 0; i < 90_000; i++) {
    if (i === 40_000) step -= 500; // resumed from a checkpoint
    const loss = 2 * Math.exp(-step / 30_000) + rnd() / 10;
    const lr = (0.001 * (1 + Math.cos(step / 9000))) / 2;
    const r = rnd();
    let note = '';
    if (r < 0.001) note = '"a, quoted note"';
    else if (r < 0.002) note = 'checkpoint';
    const grad = r > 0.998 ? 'nan' : r > 0.997 ? '' : String(0.5 + rnd());
    let line = `${step},${loss},${lr},${note},${grad}`;
    if (i === badLine) line = `${step},1.2.3,${lr},,1`;
    if (rnd() < 0.001) line += '\r';
    lines.push(line);
    if (rnd() < 0.0005) lines.push('');
    if (i === 50_000) lines.push(`${step},${'1'.repeat(1_200_000)},0.1,,1`);
    step++;
  }
  return `${lines.join('\n')}\n`;
}

async function importBoth(text: string) {
  const folder = tempFolder();
  const file = join(folder.dir, 'train.csv');
  writeFileSync(file, text);
  const results: { summary?: Omit<ImportSummary, 'seconds'>; error?: string; series?: unknown[] }[] = [];
  let fromWorker = -1;
  rowsAheadSettings.onClose = (n) => (fromWorker = n);
  try {
    for (const worker of [false, true]) {
      Object.assign(rowsAheadSettings, worker ? { minBytes: 0, lockstep: true } : { minBytes: Infinity, lockstep: false });
      const db = freshDb(join(folder.dir, worker ? 'w' : 'n'));
      try {
        const { seconds: _seconds, ...summary } = await importPaths(db, [file]);
        const ids = db.prepare('SELECT id FROM metrics ORDER BY id').pluck().all() as number[];
        results.push({ summary, series: ids.map((id) => querySeries(db, id, { maxPoints: 1_000_000 })) });
      } catch (err) {
        results.push({ error: (err as Error).message });
      } finally {
        db.close();
      }
    }
  } finally {
    folder.remove();
  }
  return { alone: results[0]!, withWorker: results[1]!, fromWorker };
}

describe('a big CSV parsed ahead by a worker thread', () => {
  afterEach(() => Object.assign(rowsAheadSettings, { minBytes: 16 << 20, lockstep: false, onClose: undefined }));

  it('imports the same runs, points and restarts as the import thread alone', async () => {
    const { alone, withWorker, fromWorker } = await importBoth(log());
    expect(alone.error).toBeUndefined();
    expect(fromWorker).toBeGreaterThan(3); // ~6 blocks, all but the first from the worker
    expect(withWorker).toEqual(alone);
    expect(alone.summary!.runs[0]!.resumes).toEqual([39_500]);
    expect(alone.summary!.runs[0]!.metrics.map((m) => m.name)).toEqual(['loss', 'lr', 'grad_norm']);
  }, 60_000);

  it('stops at the same line with the same reason', async () => {
    const { alone, withWorker } = await importBoth(log(70_000));
    expect(alone.error).toMatch(/line 700\d\d: "loss" is "1.2.3", not a number/);
    expect(withWorker).toEqual(alone);
  }, 60_000);
});
