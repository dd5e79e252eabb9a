// The CSV parse worker (csv-prefetch.ts): reads the file block by block, as fileBlocks does, and
// posts the plain numeric rows of each block's whole lines, a batch at a time, skipping the records
// the fast path leaves to the general way (the import's thread reads those itself). Bundled as out/cli/csv-worker.mjs (scripts/build.mjs); from the
// sources, csv-worker.mjs loads this file.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { emptyBatch, RowParser } from './csv-fast';
import { AHEAD, SLOT, type Batch, type PrefetchOptions } from './csv-prefetch';

const options = workerData as PrefetchOptions & { shared: SharedArrayBuffer };
const state = new Int32Array(options.shared);
const parser = new RowParser(options.delimiter, options.width, options.stepIndex);
const LF = 10;

const cancelled = () => Atomics.load(state, SLOT.cancel) !== 0;

/** Waits while block k is more than AHEAD blocks in front of the import's thread. */
function waitTurn(k: number): void {
  for (;;) {
    const mainAt = Atomics.load(state, SLOT.mainAt);
    if (k <= mainAt + AHEAD || cancelled()) return;
    Atomics.wait(state, SLOT.mainAt, mainAt, 100);
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
    const batch = emptyBatch(options.width);
    if (pos > 0 && pos < end) parser.parse(block, pos, end, batch);
    else batch.stop = pos;
    const full = batch.rows === batch.values.length / options.width;
    const resume = full ? batch.stop : block.indexOf(LF, batch.stop) + 1; // past the record left to the general way
    const last = resume <= 0 || resume >= end;
    const message: Batch = { ...batch, block: k, start: offset + pos, stop: offset + batch.stop, last };
    parentPort!.postMessage(message, [batch.values.buffer, batch.present.buffer]);
    if (last) return;
    pos = resume;
  }
}

const fd = openSync(options.file, 'r');
try {
  const block = Buffer.allocUnsafe(options.blockBytes);
  for (let k = options.firstBlock; !cancelled(); k++) {
    k = Math.max(k, Atomics.load(state, SLOT.mainParses) + 1); // blocks the import's thread reads itself
    waitTurn(k);
    if (cancelled()) break;
    Atomics.store(state, SLOT.workerAt, k);
    const bytes = readSync(fd, block, 0, options.blockBytes, k * options.blockBytes);
    if (bytes === 0) break;
    parseBlock(k, block.subarray(0, bytes));
    Atomics.store(state, SLOT.doneUpTo, k);
  }
} finally {
  Atomics.store(state, SLOT.workerAt, -1);
  closeSync(fd);
  parentPort!.postMessage({ end: true });
}
