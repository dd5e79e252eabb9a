// Import and series-query speed and memory, against the targets of issue 4:
//   CSV 1M rows × 4 columns: ≥ 1,000,000 rows/s and ≥ 2× sqlite3's `.import` of the same file;
//   event file of 1M scalar events: ≥ 500,000 events/s; 1 GB CSV: peak RSS < 300 MB;
//   series query, 10M points, full range, 2,000-point budget: < 20 ms.
// Run alone with `npx tsx bench/import.bench.ts`. Data goes to os.tmpdir() and is deleted after.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS, querySeries } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { importPaths } from '../src-main/import';
import { writeCsv, writeEventFile } from './import-data';

const MB = 1024 * 1024;
const results: { what: string; figure: string; target: string; ok: boolean }[] = [];

function record(what: string, figure: string, target: string, ok: boolean): void {
  results.push({ what, figure, target, ok });
  console.log(`${ok ? 'ok  ' : 'MISS'} ${what}: ${figure} (target ${target})`);
}

async function timeImport(dir: string, file: string): Promise<{ seconds: number; rows: number }> {
  const dbFile = join(dir, `import-${Date.now()}.sqlite`);
  const started = performance.now();
  const { db } = openDatabase(dbFile);
  const summary = await importPaths(db, [file]);
  db.close();
  return { seconds: (performance.now() - started) / 1000, rows: summary.rows };
}

function sqliteCliImport(dir: string, csv: string): number {
  const dbFile = join(dir, `sqlite3-cli-${Date.now()}.sqlite`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/sqlite3', [dbFile, '.mode csv', `.import ${csv} points`]);
  if (run.status !== 0) throw new Error(`sqlite3 .import failed: ${run.stderr.toString()}`);
  return (performance.now() - started) / 1000;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Runs of each side, alternated: on a shared, noisy machine one run of each decides little. */
const CSV_RUNS = 3;

async function csvBench(dir: string): Promise<void> {
  const csv = join(dir, 'train-1m.csv');
  await writeCsv(csv, 1_000_000);
  await timeImport(dir, csv); // warm-up: module loading and the page cache are not what is measured
  const ours: number[] = [];
  const cli: number[] = [];
  let rows = 0;
  for (let i = 0; i < CSV_RUNS; i++) {
    const run = await timeImport(dir, csv);
    ours.push(run.seconds);
    rows = run.rows;
    cli.push(sqliteCliImport(dir, csv));
  }
  const seconds = median(ours);
  const rate = rows / seconds;
  const each = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(', ');
  record(
    'CSV 1M rows × 4 columns, end to end into a new database file',
    `median ${seconds.toFixed(3)} s (${each(ours)}), ${Math.round(rate).toLocaleString('en')} rows/s`,
    '≥ 1,000,000 rows/s',
    rate >= 1_000_000,
  );
  const ratio = median(cli) / seconds;
  record('same file, sqlite3 CLI .import into a plain table', `median ${median(cli).toFixed(3)} s (${each(cli)}); lrscope is ${ratio.toFixed(2)}× faster`, '≥ 2×', ratio >= 2);
}

async function eventsBench(dir: string): Promise<void> {
  const file = join(dir, 'events.out.tfevents.1700000000.bench');
  await writeEventFile(file, 1_000_000);
  const run = await timeImport(dir, file);
  const rate = run.rows / run.seconds;
  record('event file, 1M scalar events', `${run.seconds.toFixed(3)} s, ${Math.round(rate).toLocaleString('en')} events/s`, '≥ 500,000 events/s', rate >= 500_000);
}

function rssBench(dir: string): void {
  const csv = join(dir, 'train-1gb.csv');
  const child = fileURLToPath(new URL('./import-rss-child.ts', import.meta.url));
  const started = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', child, 'write', csv, String(1024 * MB)], { stdio: 'inherit' });
  const written = (performance.now() - started) / 1000;
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, 'import', csv, join(dir, 'big.sqlite')]).toString();
  const { peakRssMb, seconds, rows } = JSON.parse(out) as { peakRssMb: number; seconds: number; rows: number };
  const size = statSync(csv).size / MB;
  console.log(`  (1 GB file written in ${written.toFixed(1)} s)`);
  record(
    `CSV of ${size.toFixed(0)} MiB (${rows.toLocaleString('en')} rows), peak RSS of the importing process`,
    `${peakRssMb.toFixed(0)} MB, ${seconds.toFixed(1)} s`,
    '< 300 MB',
    peakRssMb < 300,
  );
}

function seriesBench(dir: string): void {
  const { db } = openDatabase(join(dir, 'series.sqlite'));
  const store = ImportStore.open(db);
  store.begin();
  const runId = store.insertRun('bench', '', 'csv', {});
  const metricId = store.insertMetric(runId, 'loss', 'loss');
  const total = 10_000_000;
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  for (let seq = 0, at = 0; at < total; seq++) {
    const n = Math.min(CHUNK_POINTS, total - at);
    for (let i = 0; i < n; i++, at++) {
      steps[i] = at;
      vals[i] = 2 * Math.exp(-at / 3e6) + 0.1 * Math.sin(at / 977);
    }
    store.writeChunk(metricId, seq, steps, vals, n);
  }
  store.finishMetric(metricId, { points: total, nanCount: 0, infCount: 0, stepMin: 0, stepMax: total - 1 });
  store.commit();
  store.close();
  const times: number[] = [];
  let buckets = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    buckets = querySeries(db, metricId, { maxPoints: 2000 }).steps.length;
    times.push(performance.now() - started);
  }
  db.close();
  const first = times[0]!;
  const median = [...times].sort((a, b) => a - b)[10]!;
  record('series query, 10M-point metric, full range, 2,000-point budget', `median ${median.toFixed(2)} ms (first ${first.toFixed(2)} ms), ${buckets} buckets`, '< 20 ms', median < 20);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-import-bench-'));
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, node ${process.version}, ${execFileSync('/usr/bin/sqlite3', ['--version']).toString().split(' ').slice(0, 1).join('')} (sqlite3 CLI)`);
  try {
    await csvBench(dir);
    await eventsBench(dir);
    seriesBench(dir);
    if (!process.argv.includes('--quick')) rssBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| what | figure | target | |\n|---|---|---|---|');
  for (const r of results) console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok ? 'ok' : 'MISSED'} |`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

await main();
