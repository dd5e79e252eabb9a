// Generated training logs for the import bench and the large-input tests. Values are written
// with JavaScript's shortest round-trip form (up to 17 digits), like Python's float repr in real logs.
import { open } from 'node:fs/promises';
import { scalarEvent, tfRecord, versionEvent } from '../src-main/import/tensorboard/event-writer';

/** A deterministic generator (mulberry32), so every run of the bench reads the same bytes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One training row: a decaying noisy loss, a cosine learning rate, a gradient norm. */
export function row(step: number, rows: number, rnd: () => number): string {
  const loss = 2.3 * Math.exp(-step / (rows / 4)) + 0.05 * rnd();
  const lr = 0.0005 * (1 + Math.cos((Math.PI * step) / rows));
  const gradNorm = 0.5 + rnd();
  return `${step},${loss},${lr},${gradNorm}\n`;
}

/** A CSV of `rows` rows, or until `bytes` are written when given. Written in 4 MiB pieces. */
export async function writeCsv(file: string, rows: number, bytes = Infinity): Promise<number> {
  const handle = await open(file, 'w');
  const rnd = random(42);
  let written = 0;
  let step = 0;
  try {
    let piece = 'step,loss,lr,grad_norm\n';
    for (; step < rows && written + piece.length < bytes; step++) {
      piece += row(step, Math.min(rows, 20_000_000), rnd);
      if (piece.length >= 4 << 20) {
        await handle.write(piece);
        written += piece.length;
        piece = '';
      }
    }
    await handle.write(piece);
  } finally {
    await handle.close();
  }
  return step;
}

/** An event file as torch's SummaryWriter writes it: a file_version event, then one scalar per event. */
export async function writeEventFile(file: string, events: number): Promise<void> {
  const handle = await open(file, 'w');
  const rnd = random(7);
  try {
    const pieces: Buffer[] = [tfRecord(versionEvent())];
    for (let i = 0; i < events; i++) {
      pieces.push(tfRecord(scalarEvent(i, 'train/loss', 2.3 * Math.exp(-i / 250_000) + 0.05 * rnd())));
      if (pieces.length >= 65_536) await handle.write(Buffer.concat(pieces.splice(0)));
    }
    await handle.write(Buffer.concat(pieces));
  } finally {
    await handle.close();
  }
}
