// A big CSV's plain numeric rows parsed ahead, in a worker thread (csv-thread.ts), while the import's
// own thread stores the rows before them: parsing is ~60 % of a CSV import and storing the rest, so
// on two cores the two overlap (issue 15: `lrscope import` of 1M rows against `sqlite3 .import`).
//
// The worker reads the file itself, block k at k · BLOCK_BYTES as fileBlocks reads it, and parses
// each block's whole lines with the same RowParser as the fast path here; the import's thread takes
// a batch only when it starts exactly where its own reading stands, so everything else (the header,
// the lines across blocks, quoted or odd records, a file still growing) goes the usual way, and the
// rows, their order and every error are those of a read without the worker. Batches are written into
// a ring of SLOTS in shared memory (no copy, no allocation per batch: fresh transferred buffers cost
// a third of the worker's time) and the worker waits for a free slot, so memory stays bounded; it
// skips the blocks the import's thread reads itself.
import { Worker } from 'node:worker_threads';
import { batchRows, type ParsedRows } from './csv-fast';

/** Slots of the state shared with the worker (an Int32Array on a SharedArrayBuffer). */
export const SLOT = {
  /** The block the import's thread is reading. */
  mainAt: 0,
  /** The last block the import's thread parses itself: the worker skips it. */
  mainParses: 1,
  /** The block the worker is parsing. */
  workerAt: 2,
  /** The last block the worker finished. */
  doneUpTo: 3,
  /** 1: stop. */
  cancel: 4,
  /** Batches the import's thread has let go of (their slots are free again). */
  released: 5,
} as const;
/** Batches in the ring: how far the worker may be ahead of the import's thread. */
export const SLOTS = 8;
/** Below this the worker's start (~30 ms) costs more than it saves. */
export const PREFETCH_MIN_BYTES = 8 << 20;

/**
 * LRSCOPE_CSV_WORKER: "off" reads every row in the import's thread (the import bench's baseline),
 * "wait" takes every batch the worker can give (a test of the bundle, where timing must not decide).
 */
export function workerMode(): 'auto' | 'off' | 'wait' {
  const mode = process.env.LRSCOPE_CSV_WORKER;
  return mode === 'off' || mode === 'wait' ? mode : 'auto';
}

/** What the worker posts of a batch it wrote in slot `slot`; start and stop are offsets in the file. */
export interface BatchNote {
  slot: number;
  rows: number;
  block: number;
  start: number;
  stop: number;
  /** The block's last batch. */
  last: boolean;
}

/** A batch of parsed rows from the worker, readable until it is released. */
export type Batch = BatchNote & ParsedRows;

/** The ring's memory, shared by both threads. */
export interface Ring {
  state: SharedArrayBuffer;
  values: SharedArrayBuffer;
  present: SharedArrayBuffer;
}

/** Slot `slot` of the ring, as a batch to parse into or to read. */
export function slotOf(ring: Ring, width: number, slot: number): ParsedRows {
  const size = batchRows(width) * width;
  return {
    values: new Float64Array(ring.values, slot * size * 8, size),
    present: new Uint8Array(ring.present, slot * size, size),
    rows: 0,
    stop: 0,
  };
}

export interface PrefetchOptions {
  file: string;
  delimiter: number;
  width: number;
  stepIndex: number;
  blockBytes: number;
  /** The first block the worker parses. */
  firstBlock: number;
}

type Message = BatchNote | { end: true };

const WORKER_URL = new URL('./csv-worker.mjs', import.meta.url);

export class CsvPrefetch {
  /**
   * Tests set it so that the import's thread waits for the worker's batches instead of reading a
   * block itself when the worker is not there yet (a worker started through tsx takes ~1 s).
   */
  static waitForWorker = workerMode() === 'wait';
  private readonly queue: BatchNote[] = [];
  private readonly slots: ParsedRows[];
  private wake: (() => void) | null = null;
  private ended = false;
  /** The last block whose batches were all taken. */
  private complete = -1;

  private constructor(
    private readonly worker: Worker,
    private readonly state: Int32Array,
    ring: Ring,
    width: number,
  ) {
    this.slots = Array.from({ length: SLOTS }, (_, slot) => slotOf(ring, width, slot));
    worker.on('message', (m: Message) => {
      if ('end' in m) this.ended = true;
      else this.queue.push(m);
      this.notify();
    });
    // A worker that fails (or cannot load) leaves the rest to the import's thread.
    worker.on('error', () => this.finish());
    worker.on('exit', () => this.finish());
  }

  /** The worker, started; null when it cannot start (the import's thread then reads everything). */
  static start(options: PrefetchOptions): CsvPrefetch | null {
    const size = batchRows(options.width) * options.width;
    const ring: Ring = { state: new SharedArrayBuffer(4 * Object.keys(SLOT).length), values: new SharedArrayBuffer(SLOTS * size * 8), present: new SharedArrayBuffer(SLOTS * size) };
    const state = new Int32Array(ring.state);
    state[SLOT.mainAt] = options.firstBlock - 1;
    state[SLOT.mainParses] = options.firstBlock - 1;
    state[SLOT.workerAt] = -1;
    state[SLOT.doneUpTo] = -1;
    try {
      // The parent's options but --input-type (a script given with -e), which a worker from a file refuses.
      const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
      return new CsvPrefetch(new Worker(WORKER_URL, { workerData: { ...options, ring }, execArgv }), state, ring, options.width);
    } catch {
      return null;
    }
  }

  /**
   * The worker's batch that starts at `offset` of the file, read in block `block`: the batch, a
   * promise of it when the worker is on that block (null if it has none), or null at once when the
   * import's thread should read the rows itself. A batch must be released once read.
   */
  batchAt(block: number, offset: number): Batch | Promise<Batch | null> | null {
    if (this.ended && this.queue.length === 0) return null;
    if (Atomics.load(this.state, SLOT.mainAt) < block) {
      Atomics.store(this.state, SLOT.mainAt, block);
      Atomics.notify(this.state, SLOT.mainAt);
    }
    while (this.queue.length > 0 && (this.queue[0]!.block < block || (this.queue[0]!.block === block && this.queue[0]!.start < offset))) {
      this.take();
      this.release();
    }
    const head = this.queue[0];
    if (head) return head.block === block && head.start === offset ? this.take() : null;
    if (this.ended || this.complete >= block) return null;
    const coming = CsvPrefetch.waitForWorker || Atomics.load(this.state, SLOT.workerAt) === block || Atomics.load(this.state, SLOT.doneUpTo) >= block;
    if (coming) return this.next().then(() => this.batchAt(block, offset));
    Atomics.store(this.state, SLOT.mainParses, block);
    return null;
  }

  /** Stops the worker (at the end of the file, on an error or a cancel). */
  async stop(): Promise<void> {
    Atomics.store(this.state, SLOT.cancel, 1);
    Atomics.notify(this.state, SLOT.released);
    this.finish();
    await this.worker.terminate();
  }

  /** Frees the slot of the batch taken last (batches are released in order): its rows are not read after this. */
  release(): void {
    Atomics.add(this.state, SLOT.released, 1);
    Atomics.notify(this.state, SLOT.released);
  }

  private take(): Batch {
    const note = this.queue.shift()!;
    if (note.last) this.complete = note.block;
    const { values, present } = this.slots[note.slot]!;
    return { ...note, values, present };
  }

  private next(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }
}
