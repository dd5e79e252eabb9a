// For the live-watching specs: a writer that replays real logs into a watched folder in small
// flushes (cutting lines and records in the middle), and what an import of the same bytes gives
// (computed in a child process through the import service: the reference for the screen).
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Stream {
  source: string;
  target: string;
  data: Buffer;
  written: number;
  /** Bytes per flush (a prime, so flushes cut lines and records anywhere). */
  chunk: number;
}

export function stream(source: string, target: string, chunk: number): Stream {
  return { source, target, data: readFileSync(source), written: 0, chunk };
}

/** How many bytes the next flush will have written. */
export function nextSize(s: Stream, written = s.written): number {
  return Math.min(s.data.length, written + s.chunk);
}

/** Appends the next piece; returns whether anything was left to write. */
export function flush(s: Stream): boolean {
  if (s.written >= s.data.length) return false;
  mkdirSync(dirname(s.target), { recursive: true });
  const next = nextSize(s);
  appendFileSync(s.target, s.data.subarray(s.written, next));
  s.written = next;
  return true;
}

/** Values travel as JSON: NaN and ±Infinity as null. */
export type Points = Record<string, { steps: number[]; values: (number | null)[] }>;

/** What importing the first `bytes` of each log gives (an empty or header-only prefix: no points). */
export function importedPrefixes(jobs: { file: string; bytes: number; lineLog: boolean }[]): Points[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx/esm', join(import.meta.dirname, 'live-reference.ts')], {
    input: JSON.stringify(jobs),
    maxBuffer: 256 << 20,
  });
  return JSON.parse(out.toString()) as Points[];
}
