// SQLite lets one writer at a time; an import holds the write lock until it commits. Waiting for
// it must not freeze the process (better-sqlite3's busy_timeout waits synchronously, stopping the
// server's event loop), and when the wait is over the user should hear which import holds it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from '../../src-shared/api/errors';

/** How long an import waits for another writer, in short asynchronous naps. */
const WAIT_MS = 500;
const NAP_MS = 25;

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/** Runs `attempt` until it stops failing with SQLITE_BUSY or `waitMs` has passed, napping between tries. */
export async function retryWhileBusy<T>(attempt: () => T, waitMs = WAIT_MS): Promise<T> {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      return attempt();
    } catch (err) {
      if (!isBusy(err) || performance.now() >= until) throw err;
      await sleep(NAP_MS);
    }
  }
}

interface Holder {
  pid: number;
  paths: string[];
  started: string;
}

/** A note beside the database saying which import holds its write lock (for the other process's message). */
export class ImportNote {
  private written = false;

  constructor(private readonly dbFile: string) {}

  private get file(): string {
    return `${this.dbFile}-import.json`;
  }

  write(paths: string[]): void {
    if (this.dbFile === ':memory:' || this.dbFile === '') return;
    try {
      writeFileSync(this.file, JSON.stringify({ pid: process.pid, paths, started: new Date().toISOString() } satisfies Holder));
      this.written = true;
    } catch {
      // The note only improves a message; a read-only folder must not stop the import.
    }
  }

  remove(): void {
    if (this.written) rmSync(this.file, { force: true });
    this.written = false;
  }

  /** The message when the lock could not be had: who holds it, if the note says. */
  conflict(paths: string[]): ApiError {
    const holder = this.read();
    const who = holder ? `another import (of ${holder.paths.join(', ')}, process ${holder.pid}, started ${holder.started})` : 'another program';
    return new ApiError('conflict', `${paths.join(', ')}: not imported: ${who} is writing to ${this.dbFile}; try again when it has finished`);
  }

  private read(): Holder | null {
    try {
      const holder = JSON.parse(readFileSync(this.file, 'utf8')) as Holder;
      process.kill(holder.pid, 0); // a note left by a process that died says nothing
      return holder;
    } catch {
      return null;
    }
  }
}
