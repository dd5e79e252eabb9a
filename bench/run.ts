// `npm run bench [-- --quick] [NAME…]`: every bench/*.bench.ts (or those whose file name contains
// a NAME) in its own process, one after the other, so one bench's heap and JIT state cannot colour
// another's figures. Prints, as markdown for the README: the date, machine and load average at the
// start and the end, each bench's own table (bench/lib/measure.ts), and a summary of how long each
// took. Each bench is stopped after BENCH_LIMIT_MIN minutes, so the whole run is bounded.
// --quick passes --quick to every bench (smaller data; about a quarter of the time).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAverage, machine } from './lib/measure';

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const LIMIT_MIN = Number(process.env.BENCH_LIMIT_MIN) || (quick ? 8 : 20);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const stamp = () => new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/** One bench in its own process, its output passed through; its exit status (null: stopped at the limit). */
function runOne(file: string): Promise<{ status: number | null; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, file), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  let stopped = false;
  const timer = setTimeout(() => {
    stopped = true;
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  }, LIMIT_MIN * 60_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ status: stopped ? null : code, ms: performance.now() - t0 });
    });
  });
}

console.log(`## lrscope benchmarks${quick ? ' (--quick)' : ''}\n`);
console.log(`Started ${stamp()} on ${machine()}; load average ${loadAverage()}.\n`);
const started = performance.now();
const summary: string[] = [];
let failed = 0;
for (const file of files) {
  console.log(`### ${file}\n`);
  const { status, ms } = await runOne(file);
  const outcome = status === 0 ? 'ok' : status === null ? `stopped after ${LIMIT_MIN} min` : `exited with ${status}`;
  if (status !== 0) {
    failed++;
    console.log(`\n${file}: ${outcome}\n`);
  }
  summary.push(`| ${file} | ${minutes(ms)} | ${outcome} |`);
}
console.log(`### Summary\n\n| bench | wall time | outcome |\n| --- | --- | --- |\n${summary.join('\n')}\n`);
console.log(`Finished ${stamp()} after ${minutes(performance.now() - started)}; load average ${loadAverage()}.`);
process.exit(failed ? 1 : 0);
