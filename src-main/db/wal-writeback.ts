// Writes a big import's WAL to disk in the background while the import is still reading. The
// checkpoint at the end of an import (points-import.ts) first syncs the WAL, then copies it into
// the database and syncs that: with synchronous = NORMAL, SQLite's commit itself syncs nothing, so
// all 36 MB of a 1M-row × 4-column import's WAL waited for that one fsync (~30 ms), after the
// reading, where nothing overlaps it. Syncing what the WAL holds so far every few chunks, on
// libuv's thread pool, moves that wait under the reading (the CSV is parsed meanwhile); the
// checkpoint's own fsync then finds little left (whole `lrscope import` -15 ms, median of 21).
// It only adds syncs: SQLite's own, which durability rests on, are unchanged. SQLite holds no lock
// on the -wal file (its locks are on the database and -shm files, /proc/locks during a write), so
// a descriptor of our own on it cannot release one when we close it.
import { closeSync, fdatasync, openSync } from 'node:fs';

/** Chunks written between two background syncs: 32 chunks of 16,384 points hold 4 MiB of values. */
export const CHUNKS_PER_SYNC = 32;

type Sync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

export class WalWriteback {
  private fd = -1;
  private chunks = 0;
  private inFlight = false;
  private stopped = false;
  private released: Promise<void> = Promise.resolve();
  private release: () => void = () => {};

  constructor(
    private readonly walPath: string,
    private readonly sync: Sync = fdatasync,
  ) {}

  /** After each chunk written: every CHUNKS_PER_SYNC chunks one sync starts, never two at once. */
  chunkWritten(): void {
    if (this.stopped || ++this.chunks < CHUNKS_PER_SYNC || this.inFlight) return;
    this.chunks = 0;
    if (this.fd < 0) {
      try {
        // 'r+': Windows flushes only a handle open for writing. Nothing is ever written through it.
        this.fd = openSync(this.walPath, 'r+');
      } catch {
        this.stopped = true; // no WAL file (the pages are all still in the cache): nothing to sync
        return;
      }
    }
    this.inFlight = true;
    this.released = new Promise((resolve) => (this.release = resolve));
    // A failed sync is left to SQLite's own at the checkpoint, which reports its errors.
    this.sync(this.fd, () => {
      this.inFlight = false;
      if (this.stopped) this.closeFd();
      this.release();
    });
  }

  /** No more syncs. The descriptor is closed now, or when the sync in flight ends (awaited by tests). */
  stop(): Promise<void> {
    this.stopped = true;
    if (!this.inFlight) this.closeFd();
    return this.released;
  }

  private closeFd(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}
