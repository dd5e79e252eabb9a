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
// a third of the worker's time) and the worker waits for a free slot, so memory stays bounded.
//
// Each block is parsed by one thread: the worker and the import's thread claim blocks from one
// atomic counter (SLOT.next). The import's thread claims the block it reaches when the worker has not
// (while the worker starts), and the block after it when the worker is not ahead: parsing costs more
// than storing, so on two cores it then shares the parsing instead of waiting.
import { Worker } from 'node:worker_threads';
import { batchRows, type ParsedRows } from './csv-fast';

/** Slots of the state shared with the worker (an Int32Array on a SharedArrayBuffer). */
export const SLOT = {
  /** The first block nobody has claimed: the worker takes it with Atomics.add, the import's thread with compareExchange. */
  next: 0,
  /** Batches the import's thread has let go of (their slots are free again). */
  released: 1,
  /** 1: stop. */
  cancel: 2,
} as const;
/** Batches in the ring: how far the worker may be ahead of the import's thread. */
export const SLOTS = 8;
/** Below this the worker's start (~30 ms) costs more than it saves. */
export const PREFETCH_MIN_BYTES = 8 << 20;

/**
 * Whether this module runs from the sources (tsx: tests, benches in process, development) rather
 * than the shipped bundle. There a worker would start by compiling the TypeScript it runs through
 * tsx, ~0.5 s of a core taken from the import: a 300k-row import took 275 ms instead of 148.
 */
const FROM_SOURCES = import.meta.url.includes('/src-main/');

/**
 * LRSCOPE_CSV_WORKER: "on" or "off"; "wait" takes every batch the worker can give (tests, where
 * timing must not decide). Unset: on in the shipped bundle, off from the sources.
 */
export function workerMode(): 'on' | 'off' | 'wait' {
  const mode = process.env.LRSCOPE_CSV_WORKER;
  if (mode === 'on' || mode === 'off' || mode === 'wait') return mode;
  return FROM_SOURCES ? 'off' : 'on';
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
  private readonly queue: BatchNote[] = [];
  /** Blocks the import's thread claimed: it parses them itself. */
  private readonly own = new Set<number>();
  /** The block the import's thread is in. */
  private at = -1;
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
    firstBlock: number,
  ) {
    // The block the import's thread is in when it starts the worker is its own.
    this.at = firstBlock - 1;
    this.own.add(this.at);
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
    state[SLOT.next] = options.firstBlock;
    try {
      // The parent's options but --input-type (a script given with -e), which a worker from a file refuses.
      const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
      return new CsvPrefetch(new Worker(WORKER_URL, { workerData: { ...options, ring }, execArgv }), state, ring, options.width, options.firstBlock);
    } catch {
      return null;
    }
  }

  /**
   * The worker's batch that starts at `offset` of the file, read in block `block`: the batch, a
   * promise of it while the worker parses that block (null if it has none there), or null when the
   * import's thread reads the rows itself. A batch must be released once read.
   */
  batchAt(block: number, offset: number): Batch | Promise<Batch | null> | null {
    if (block !== this.at) this.arrive(block);
    if (this.own.has(block)) return null;
    while (this.queue.length > 0 && (this.queue[0]!.block < block || (this.queue[0]!.block === block && this.queue[0]!.start < offset))) {
      this.take();
      this.release();
    }
    const head = this.queue[0];
    if (head) return head.block === block && head.start === offset ? this.take() : null;
    if (this.ended || this.complete >= block) return null;
    return this.next().then(() => this.batchAt(block, offset)); // the worker has claimed the block: its batches are coming
  }

  /**
   * The import's thread reaches `block`: it claims the block if the worker has not (the worker is
   * starting, or gone), and the next one too when the worker is not ahead of it.
   */
  private arrive(block: number): void {
    this.at = block;
    this.own.delete(block - 1);
    if (workerMode() === 'wait' && !this.ended) return;
    if (this.claim(block)) return;
    const ahead = this.queue.some((b) => b.block > block);
    if (!ahead && Atomics.compareExchange(this.state, SLOT.next, block + 1, block + 2) === block + 1) this.own.add(block + 1);
  }

  /** Claims `block` (and the unclaimed ones before it) when no thread has; whether it did. */
  private claim(block: number): boolean {
    for (;;) {
      const next = Atomics.load(this.state, SLOT.next);
      if (next > block) return this.own.has(block);
      if (Atomics.compareExchange(this.state, SLOT.next, next, block + 1) === next) {
        this.own.add(block);
        return true;
      }
    }
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
