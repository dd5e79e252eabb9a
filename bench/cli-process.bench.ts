// Whole-process figures, as a user runs lrscope (issue 15): each command is a fresh
// `node bin/lrscope.mjs …` process (the bundled build when fresh), timed against a baseline run
// alternately in the same loop, after one warm-up of each; medians of 7 with min–max and the load,
// printed as one table (bench/lib/measure.ts).
//   lrscope info, lrscope eval on `[]`          ≤ 4× `node -e 0`
//   lrscope import, 1M rows × 4 columns        ≥ 2× faster than `sqlite3 .import` of the same file
//   npm start (browser mode, nothing changed)  its URL in < 1 s
//   lrscope eval over 100M steps               peak RSS < 200 MB
// `npx tsx bench/cli-process.bench.ts --quick` evaluates 10M steps instead of 100M.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, isFresh } from '../scripts/build.mjs';
import { writeCsv } from './import-data';
import { median, quick, report, spread, type Row } from './lib/measure';

const root = resolve(import.meta.dirname, '..');
const LRSCOPE = join(root, 'bin', 'lrscope.mjs');
const RUNS = 7;
/** The bench's table, one row per figure (bench/lib/measure.ts prints it). */
const rows: Row[] = [];
const secs = (xs: number[]) => spread(xs, 's', 3);

/** Seconds for one whole process, start to exit; throws when it fails. */
function timed(cmd: string, args: string[], input?: string, env: Record<string, string> = {}): number {
  const started = performance.now();
  const r = spawnSync(cmd, args, { input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return seconds;
}

/** Ours and the baseline alternately, one warm-up each, RUNS measured. */
function pair(label: string, ours: () => number, base: () => number, baseName: string, verdict: (o: number, b: number) => string): void {
  ours();
  base();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(ours());
    b.push(base());
  }
  rows.push({ what: label, figure: secs(a), baseline: `${baseName}: ${secs(b)}`, requirement: verdict(median(a), median(b)) });
}

/** Milliseconds from `npm start` to its printed URL (browser mode; the process tree is then stopped). */
function startToUrl(db: string): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['start', '--silent'], { cwd: root, detached: true, env: { ...process.env, LRSCOPE_DB: db, DISPLAY: '', WAYLAND_DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const early = (code: number | null) => reject(new Error(`npm start exited (${code}) before printing its URL:\n${out}`));
    child.once('exit', early);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/open http/.test(out)) {
        const ms = performance.now() - started;
        child.off('exit', early);
        child.once('exit', () => resolveTime(ms));
        process.kill(-child.pid!, 'SIGTERM');
      }
    });
  });
}

/** Peak resident memory of a process, from /usr/bin/time (GNU time's %M, in KiB). */
function peakRss(args: string[]): { mb: number; seconds: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`failed: ${r.stderr}`);
  const kib = Number(r.stderr.toString().trim().split('\n').at(-1));
  return { mb: kib / 1024, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  if (!isFresh('cli') || !isFresh('renderer')) {
    console.log('building the shipped bundles first (scripts/build.mjs)');
    if (!build(['cli', 'renderer'], { ifChanged: true })) throw new Error('build failed');
  }
  const out = report(
    `Whole processes, as a user runs lrscope (\`npx tsx bench/cli-process.bench.ts${quick ? ' --quick' : ''}\`)`,
    `Each figure a fresh process, ${isFresh('cli') ? 'the bundled build (out/cli/main.mjs)' : 'through tsx'}; alternately with the baseline.`,
    `${RUNS} runs after 1 warm-up`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-cli-bench-'));
  try {
    const db = join(dir, 'info.sqlite');
    timed(process.execPath, [LRSCOPE, 'info', '--db', db]); // creates and migrates it once
    const node0 = () => timed(process.execPath, ['-e', '0']);
    const ratio = (o: number, b: number) => `${(o / b).toFixed(1)}× node -e 0 (target ≤ 4×)`;
    pair('lrscope info', () => timed(process.execPath, [LRSCOPE, 'info', '--db', db]), node0, 'node -e 0', ratio);
    pair('lrscope eval < []', () => timed(process.execPath, [LRSCOPE, 'eval'], '[]'), node0, 'node -e 0', ratio);

    for (const rows of [1_000_000, 10_000]) {
      const csv = join(dir, `train-${rows}.csv`);
      await writeCsv(csv, rows);
      let n = 0;
      const fresh = () => join(dir, `import-${n++}.sqlite`);
      pair(
        `lrscope import, ${rows.toLocaleString('en')} rows × 4 columns`,
        () => timed(process.execPath, [LRSCOPE, 'import', csv, '--db', fresh(), '--json']),
        () => timed('sqlite3', [fresh(), '.mode csv', `.import ${csv} points`]),
        'sqlite3 .import',
        (o, b) => `lrscope ${(b / o).toFixed(2)}× faster${rows === 1_000_000 ? ' (target ≥ 2×)' : ''}`,
      );
      if (rows === 1_000_000) {
        // The same import with every row parsed in the import's own thread: what the parse worker adds.
        pair(
          `lrscope import, ${rows.toLocaleString('en')} rows, no parse worker (LRSCOPE_CSV_WORKER=off)`,
          () => timed(process.execPath, [LRSCOPE, 'import', csv, '--db', fresh(), '--json'], undefined, { LRSCOPE_CSV_WORKER: 'off' }),
          () => timed('sqlite3', [fresh(), '.mode csv', `.import ${csv} points`]),
          'sqlite3 .import',
          (o, b) => `lrscope ${(b / o).toFixed(2)}× faster`,
        );
      }
    }

    const startDb = join(dir, 'start.sqlite');
    await startToUrl(startDb); // warm-up (and, after a source change, the one rebuild)
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) starts.push(await startToUrl(startDb));
    const ms = median(starts);
    rows.push({ what: 'npm start → URL, nothing changed', figure: secs(starts.map((s) => s / 1000)), requirement: `< 1 s: ${ms < 1000 ? 'ok' : 'MISSED'}` });

    const steps = quick ? 10_000_000 : 100_000_000;
    if (existsSync('/usr/bin/time')) {
      const spec = JSON.stringify({ kind: 'cosine_decay_restarts', learning_rate: 0.3, first_decay_steps: 1000 });
      const eval100 = peakRss([LRSCOPE, 'eval', '--spec', spec, '--to', String(steps - 1)]);
      rows.push({ what: `lrscope eval, ${steps.toLocaleString('en')} steps to /dev/null: peak RSS (one run)`, figure: `${eval100.mb.toFixed(0)} MB in ${eval100.seconds.toFixed(1)} s`, requirement: `< 200 MB: ${eval100.mb < 200 ? 'ok' : 'MISSED'}` });
    } else {
      rows.push({ what: 'lrscope eval memory', figure: 'skipped (no /usr/bin/time to read the peak RSS)' });
    }
    out.end(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
