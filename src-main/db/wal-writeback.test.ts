import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { ImportStore } from './points-import';
import { querySeries } from './points';
import { CHUNKS_PER_SYNC, WalWriteback } from './wal-writeback';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lrscope-writeback-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Paths this process holds open (Linux: /proc/self/fd); null where that cannot be read. */
function openPaths(): string[] | null {
  if (!existsSync('/proc/self/fd')) return null;
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

describe('WalWriteback', () => {
  it('starts one sync every CHUNKS_PER_SYNC chunks, never two at once, and closes its descriptor when the last ends', async () => {
    const wal = join(dir, 'x.sqlite-wal');
    writeFileSync(wal, 'frames');
    const pending: (() => void)[] = [];
    const writeback = new WalWriteback(wal, (_fd, done) => pending.push(() => done(null)));
    for (let i = 0; i < CHUNKS_PER_SYNC - 1; i++) writeback.chunkWritten();
    expect(pending).toHaveLength(0);
    writeback.chunkWritten();
    expect(pending).toHaveLength(1);
    for (let i = 0; i < 3 * CHUNKS_PER_SYNC; i++) writeback.chunkWritten(); // one still in flight: no second
    expect(pending).toHaveLength(1);
    pending.shift()!();
    for (let i = 0; i < CHUNKS_PER_SYNC; i++) writeback.chunkWritten();
    expect(pending).toHaveLength(1);
    // Stopped with a sync in flight: the descriptor stays open until it ends, then closes.
    const stopped = writeback.stop();
    expect(openPaths()?.includes(wal) ?? true).toBe(true);
    pending.shift()!();
    await stopped;
    if (openPaths()) expect(openPaths()).not.toContain(wal);
    for (let i = 0; i < 2 * CHUNKS_PER_SYNC; i++) writeback.chunkWritten();
    expect(pending).toHaveLength(0);
  });

  it('does nothing when there is no WAL file yet', async () => {
    const writeback = new WalWriteback(join(dir, 'none.sqlite-wal'), () => {
      throw new Error('no sync without a file');
    });
    for (let i = 0; i < 2 * CHUNKS_PER_SYNC; i++) writeback.chunkWritten();
    await writeback.stop();
  });

  it('runs under a real import into a file: every point stored, its descriptor of the WAL closed after', async () => {
    const file = join(dir, 'import.sqlite');
    const { db } = openDatabase(file);
    const walDescriptors = () => openPaths()?.filter((p) => p === `${file}-wal`).length;
    const before = walDescriptors(); // the app connection's own
    const store = ImportStore.open(db);
    const chunks = CHUNKS_PER_SYNC + 5;
    const steps = new Float64Array(16_384);
    const vals = Float64Array.from({ length: 16_384 }, (_, i) => Math.sin(i));
    store.begin();
    const metric = store.insertMetric(store.insertRun('run', file, 'csv', {}), 'loss', 'loss');
    for (let seq = 0; seq < chunks; seq++) {
      steps.forEach((_, i) => (steps[i] = seq * 16_384 + i));
      store.writeChunk(metric, seq, steps, vals, 16_384);
    }
    expect(walDescriptors() ?? 2).toBeGreaterThan(before ?? 1); // the import's connection and the writeback
    store.commit();
    store.close();
    // A sync still in flight ends on libuv's thread pool, then its descriptor is closed.
    for (let turn = 0; turn < 20_000 && walDescriptors() !== before; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(walDescriptors()).toBe(before);
    const all = querySeries(db, metric, { maxPoints: 1_000_000 });
    expect(all.steps).toHaveLength(chunks * 16_384);
    expect(all.steps[chunks * 16_384 - 1]).toBe(chunks * 16_384 - 1);
    expect(all.values[chunks * 16_384 - 1]).toBe(Math.sin(16_383));
    db.close();
  });
});
