// How every bench measures and prints (issue 15: figures that reproduce). A figure is the median of
// at least ROUNDS runs taken after a warm-up, printed with its min–max; a baseline is run
// alternately with it in the same loop, so load on the machine falls on both alike; each bench
// prints the load average before and after, and its figures as one markdown table
// (what | median (min–max) | baseline / ratio | requirement) that the README takes as it is.
import os from 'node:os';

/** At least this many measured runs per figure (after the warm-up). */
export const ROUNDS = Math.max(5, Number(process.env.LRSCOPE_BENCH_ROUNDS) || 5);
export const WARMUP = 1;
export const quick = process.argv.includes('--quick');

export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

export function machine(): string {
  return `${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Digits enough for three significant figures, at most `max` decimals. */
function num(x: number, max = 2): string {
  const abs = Math.abs(x);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return x.toLocaleString('en', { maximumFractionDigits: Math.min(decimals, Math.max(max, 0)), minimumFractionDigits: 0 });
}

/** "691 ms (471–752)": the median with the range of the runs it is the median of. */
export function spread(xs: readonly number[], unit = 'ms', decimals = 2): string {
  return `${num(median(xs), decimals)}${unit ? ` ${unit}` : ''} (${num(Math.min(...xs), decimals)}–${num(Math.max(...xs), decimals)})`;
}

/** Times `fn` WARMUP + rounds times; the measured runs' milliseconds. */
export async function sample(fn: () => unknown, rounds = ROUNDS, warmup = WARMUP): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    if (i >= warmup) out.push(ms);
  }
  return out;
}

/**
 * Runs each function in turn, WARMUP + rounds times round the set (a, b, c, a, b, c, …), so a burst
 * of load lands on all of them; each function's measured milliseconds, by name. A function may
 * return its own figure (a number) instead of being timed whole.
 */
export async function alternate<K extends string>(
  fns: Record<K, () => unknown>,
  rounds = ROUNDS,
  warmup = WARMUP,
): Promise<Record<K, number[]>> {
  const names = Object.keys(fns) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + rounds; i++) {
    for (const name of names) {
      const t0 = performance.now();
      const own = await fns[name]();
      const ms = typeof own === 'number' ? own : performance.now() - t0;
      if (i >= warmup) out[name].push(ms);
    }
  }
  return out;
}

export interface Row {
  what: string;
  /** "median (min–max)" as printed, usually spread(...). */
  figure: string;
  /** The baseline's figure and the ratio to it, or '–'. */
  baseline?: string;
  /** The target and whether the figure meets it, e.g. "< 1 s: ok". */
  requirement?: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The bench's figures as one markdown table. */
export function table(rows: readonly Row[]): string {
  const lines = ['| what | median (min–max) | baseline / ratio | requirement |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${cell(r.what)} | ${cell(r.figure)} | ${cell(r.baseline ?? '–')} | ${cell(r.requirement ?? '–')} |`);
  return lines.join('\n');
}

/** "< 1,000 ms: ok" or "< 1,000 ms: MISSED". */
export function meets(ok: boolean, target: string): string {
  return `${target}: ${ok ? 'ok' : 'MISSED'}`;
}

/**
 * A bench's printed report: its title, machine, rounds (ROUNDS after WARMUP unless said) and load before; then (at `end`) its
 * markdown table and the load after.
 */
export function report(
  title: string,
  about: string,
  /** When the bench times its own rounds (more than ROUNDS, or per sample): what its medians are of. */
  rounds = `${ROUNDS} runs after ${WARMUP} warm-up`,
): { end(rows: readonly Row[], notes?: readonly string[]): void } {
  console.log(`#### ${title}\n`);
  if (about) console.log(`${about}\n`);
  console.log(`${machine()}; medians of ${rounds}${quick ? '; --quick' : ''}; load average before: ${loadAverage()}\n`);
  return {
    end(rows, notes = []) {
      console.log(table(rows));
      for (const n of notes) console.log(`\n${n}`);
      console.log(`\nload average after: ${loadAverage()}\n`);
    },
  };
}

/** The 95th percentile (nearest rank): what a target on the slow end is checked against. */
export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}
