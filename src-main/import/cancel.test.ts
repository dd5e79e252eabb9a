// Cancelling in the middle of a large import: the database is exactly as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ImportProgress } from '../../src-shared/api/import-types';
import { importPaths } from './index';
import { freshDb, sample, snapshot, tempFolder } from './test-support';

it('a cancel in the middle of a 20 MB CSV leaves the database unchanged', async () => {
  const folder = tempFolder();
  const db = freshDb(folder.dir);
  try {
    await importPaths(db, [sample('lightning_csv/genrisk_gan_nan_version_0/metrics.csv')]);
    const before = snapshot(db);
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i},${Math.exp(-i / 1e5)},${1e-3 * Math.cos(i / 1e5)},${1 + (i % 7) / 10}`);
    const csv = join(folder.dir, 'big.csv');
    writeFileSync(csv, `step,loss,lr,grad_norm\n${rows.join('\n')}\n`);
    const abort = new AbortController();
    const seen: ImportProgress[] = [];
    const onProgress = (p: ImportProgress) => {
      seen.push(p);
      abort.abort();
    };
    await expect(importPaths(db, [csv], { signal: abort.signal, onProgress })).rejects.toThrow(/import cancelled: nothing was written/);
    expect(seen[0]!.bytesDone).toBeLessThan(seen[0]!.bytesTotal);
    expect(seen[0]!.rows).toBeGreaterThan(0);
    expect(snapshot(db)).toBe(before);
    // And the same file imports whole when not cancelled.
    const summary = await importPaths(db, [csv]);
    expect(summary.runs[0]!.metrics.map((m) => m.points)).toEqual([400_000, 400_000, 400_000]);
  } finally {
    db.close();
    folder.remove();
  }
});
