// A big CSV's plain numeric rows parsed ahead in a worker thread (csv-rows-thread.ts) while the
// import thread feeds the previous blocks' numbers to SQLite: on two cores a 1M-row import runs
// its parse and its writes at once. The worker is an accelerator only: a small file, a build
// without the worker's file (the Electron bundle), a worker that fails or falls behind on a short
// read — each leaves the import reading every block itself, with the same values and errors.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromRowsThread, ParsedBlock, RowsWorkerData, ToRowsThread } from './csv-rows-thread';
import { BLOCK_BYTES } from './file-blocks';

/**
 * Files below `minBytes` are parsed in the import thread: a worker takes ~50 ms to start. Tests
 * lower it, and set `lockstep` to make the import wait for the worker's rows of every block after
 * the first (so they exercise the worker whatever the machine's load).
 */
export const rowsAheadSettings: { minBytes: number; lockstep: boolean; onClose?: (blocksFromWorker: number) => void } = { minBytes: 16 << 20, lockstep: false };
/** Blocks the worker may parse ahead of the import (each ~1 MB of numbers): bounded memory. */
const AHEAD = 8;
/** How far ahead of the import the worker starts, and starts again when it fell behind. */
const START_AHEAD = 2;

function workerFile(): URL | null {
  try {
    const url = new URL('./csv-rows-worker.mjs', import.meta.url);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null; // no import.meta.url (a CommonJS bundle): no worker
  }
}

export class RowsAhead {
  private ready = false;
  private first = -1;
  private failed = false;
  /** Block number → the worker's rows of it, kept until the import reaches it. */
  private readonly results = new Map<number, ParsedBlock | 'eof'>();
  /** The block the import is at. */
  private reading = 0;
  /** The worker's rows of the block being read, until the import's fast path takes them. */
  current: { block: Buffer; parsed: ParsedBlock } | null = null;
  /** Blocks whose rows came from the worker. */
  private blocksUsed = 0;
  /** The arrays of the block last read, given back to the worker when the next block starts. */
  private held: ParsedBlock | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromRowsThread) => this.receive(m));
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /** A worker for this file's rows, or null when the file is small or no worker can start. */
  static start(file: string, delimiter: number, width: number): RowsAhead | null {
    const url = workerFile();
    if (!url || statSync(file).size < rowsAheadSettings.minBytes) return null;
    try {
      const data: RowsWorkerData = { file, delimiter, width, blockBytes: BLOCK_BYTES };
      return new RowsAhead(new Worker(url, { workerData: data }));
    } catch {
      return null;
    }
  }

  /**
   * Before the import reads the block at `offset`: the worker's rows of it when they are there. The
   * import never waits for them: when the worker is behind (a loaded machine gives it no core),
   * the import reads the block itself and sends the worker further ahead.
   */
  async beforeBlock(offset: number, block: Buffer): Promise<void> {
    if (rowsAheadSettings.lockstep && !this.failed) await this.until(() => this.ready && (this.first < 0 || this.results.has(offset / BLOCK_BYTES)));
    this.current = null;
    this.giveBack(this.held);
    this.held = null;
    if (this.failed) return;
    const k = offset / BLOCK_BYTES;
    if (!Number.isInteger(k)) return this.fail(); // a short read: blocks no longer line up
    this.reading = k;
    if (this.first < 0) {
      // The worker starts a little ahead of the import once it is up; until then the import reads.
      if (this.ready) {
        this.first = k + (rowsAheadSettings.lockstep ? 1 : START_AHEAD);
        this.worker.postMessage({ first: this.first, sets: AHEAD } satisfies ToRowsThread);
      }
      return;
    }
    const parsed = this.results.get(k);
    this.results.delete(k);
    if (k < this.first) {
      // Parsed before the worker was sent further ahead: read here already.
      if (parsed !== undefined && parsed !== 'eof') this.giveBack(parsed);
      return;
    }
    if (parsed === undefined) {
      this.first = k + START_AHEAD;
      this.worker.postMessage({ skipTo: this.first } satisfies ToRowsThread);
      return;
    }
    if (parsed === 'eof') return;
    this.held = parsed;
    if (parsed.length !== block.length || parsed.offset !== offset) return;
    this.current = { block, parsed };
    this.blocksUsed++;
  }

  async close(): Promise<void> {
    rowsAheadSettings.onClose?.(this.blocksUsed);
    this.fail();
    await this.worker.terminate();
  }

  private receive(m: FromRowsThread): void {
    if ('ready' in m) this.ready = true;
    else if ('eof' in m) this.results.set(m.offset / BLOCK_BYTES, 'eof');
    else if (!('block' in m)) this.fail();
    else {
      const k = m.block.offset / BLOCK_BYTES;
      // A block the import has already read itself: its arrays go straight back.
      if (k <= this.reading) this.giveBack(m.block);
      else this.results.set(k, m.block);
    }
  }

  /** Lockstep (tests): resolves when `done()` holds after a message, or the worker failed. */
  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.failed && !done()) return;
        this.worker.off('message', later);
        this.worker.off('exit', later);
        resolve();
      };
      const later = () => setImmediate(check);
      this.worker.on('message', later);
      this.worker.on('exit', later);
      check();
    });
  }

  private giveBack(parsed: ParsedBlock | null): void {
    if (!parsed || this.failed) return;
    const { values, present, ends } = parsed;
    this.worker.postMessage({ give: { values, present, ends } } satisfies ToRowsThread, [values.buffer, present.buffer, ends.buffer]);
  }

  private fail(): void {
    this.failed = true;
    this.current = null;
    this.results.clear();
  }
}
