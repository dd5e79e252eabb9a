// The CSV parse worker (csv-prefetch.ts): reads the file block by block, as fileBlocks does, and
// posts the plain numeric rows of each block's whole lines, a batch at a time, skipping the records
// the fast path leaves to the general way (the import's thread reads those itself). Bundled as out/cli/csv-worker.mjs (scripts/build.mjs); from the
// sources, csv-worker.mjs loads this file.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { RowParser } from './csv-fast';
import { SLOT, slotOf, SLOTS, type BatchNote, type PrefetchOptions, type Ring } from './csv-prefetch';

const options = workerData as PrefetchOptions & { ring: Ring };
const state = new Int32Array(options.ring.state);
const slots = Array.from({ length: SLOTS }, (_, slot) => slotOf(options.ring, options.width, slot));
let written = 0;
const parser = new RowParser(options.delimiter, options.width, options.stepIndex);
const LF = 10;

const cancelled = () => Atomics.load(state, SLOT.cancel) !== 0;

/** The next free slot of the ring, once the import's thread has released it; -1 when cancelled. */
function freeSlot(): number {
  for (;;) {
    const released = Atomics.load(state, SLOT.released);
    if (cancelled()) return -1;
    if (written - released < SLOTS) return written % SLOTS;
    Atomics.wait(state, SLOT.released, released, 100);
  }
}

/**
 * Posts block k's batches: its whole lines after the first newline (the line before it began in
 * block k - 1). A record the fast path leaves to the general way ends a batch; the next batch
 * starts on the line after it, where the import's thread asks again once it has read that record.
 */
function parseBlock(k: number, block: Buffer): void {
  const offset = k * options.blockBytes;
  const end = block.lastIndexOf(LF) + 1;
  let pos = block.indexOf(LF) + 1;
  for (;;) {
    const slot = freeSlot();
    if (slot < 0) return;
    const batch = slots[slot]!;
    batch.rows = 0;
    if (pos > 0 && pos < end) parser.parse(block, pos, end, batch);
    else batch.stop = pos;
    const full = batch.rows === batch.values.length / options.width;
    const resume = full ? batch.stop : block.indexOf(LF, batch.stop) + 1; // past the record left to the general way
    const last = resume <= 0 || resume >= end;
    const note: BatchNote = { slot, rows: batch.rows, block: k, start: offset + pos, stop: offset + batch.stop, last };
    parentPort!.postMessage(note);
    written++;
    if (last) return;
    pos = resume;
  }
}

// The import's thread opened it as a regular file; should it have been replaced since (by a FIFO,
// say), the worker must not block in open() or read(), where it could not be stopped: it ends.
const fd = openSync(options.file, constants.O_RDONLY | constants.O_NONBLOCK);
try {
  const block = Buffer.allocUnsafe(options.blockBytes);
  const regular = fstatSync(fd).isFile();
  while (regular && !cancelled()) {
    const k = Atomics.add(state, SLOT.next, 1); // the next block no thread has claimed
    const bytes = readSync(fd, block, 0, options.blockBytes, k * options.blockBytes);
    if (bytes === 0) break;
    parseBlock(k, block.subarray(0, bytes));
  }
} finally {
  closeSync(fd);
  parentPort!.postMessage({ end: true });
}
