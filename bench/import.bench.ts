// Import and series-query speed and memory, against the targets of issue 4:
//   CSV 1M rows × 4 columns: ≥ 1,000,000 rows/s and ≥ 2× sqlite3's `.import` of the same file;
//   event file of 1M scalar events: ≥ 500,000 events/s; 1 GB CSV: peak RSS < 300 MB;
//   series query, 10M points, full range, 2,000-point budget: < 20 ms.
// Run alone with `npx tsx bench/import.bench.ts [--quick]` (--quick: 300k CSV rows and events, a 3M-point
// series, no 1 GB file). Data goes to os.tmpdir() and is deleted after.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS, querySeries } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { importPaths } from '../src-main/import';
import { writeCsv, writeEventFile } from './import-data';
import { alternate, median, meets, quick, report, sample, spread, type Row } from './lib/measure';

const MB = 1024 * 1024;
const rows: Row[] = [];
let failed = false;
/** CSV rows and events imported per run. */
const N = quick ? 300_000 : 1_000_000;
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

function record(row: Row, ok: boolean): void {
  rows.push(row);
  failed ||= !ok;
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

async function csvBench(dir: string): Promise<void> {
  const csv = join(dir, 'train.csv');
  await writeCsv(csv, N);
  let imported = 0;
  // Alternately, after a warm-up of each (module loading and the page cache are not what is measured).
  const t = await alternate({
    lrscope: async () => {
      const run = await timeImport(dir, csv);
      imported = run.rows;
      return run.seconds * 1000;
    },
    sqlite3: () => sqliteCliImport(dir, csv) * 1000,
  });
  const rate = imported / (median(t.lrscope) / 1000);
  const ratio = median(t.sqlite3) / median(t.lrscope);
  record(
    { what: `CSV ${label(N)} rows × 4 columns, end to end into a new database file (in process)`, figure: `${spread(t.lrscope)}; ${Math.round(rate).toLocaleString('en')} rows/s`, baseline: `sqlite3 CLI .import into a plain table: ${spread(t.sqlite3)}; lrscope ${ratio.toFixed(2)}× faster`, requirement: `${meets(rate >= 1_000_000, '≥ 1,000,000 rows/s')}; ${meets(ratio >= 2, '≥ 2× sqlite3')}` },
    rate >= 1_000_000 && ratio >= 2,
  );
}

async function eventsBench(dir: string): Promise<void> {
  const file = join(dir, 'events.out.tfevents.1700000000.bench');
  await writeEventFile(file, N);
  let imported = 0;
  const ms = await sample(async () => (imported = (await timeImport(dir, file)).rows));
  const rate = imported / (median(ms) / 1000);
  record({ what: `event file, ${label(N)} scalar events`, figure: `${spread(ms)}; ${Math.round(rate).toLocaleString('en')} events/s`, requirement: meets(rate >= 500_000, '≥ 500,000 events/s') }, rate >= 500_000);
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
    { what: `CSV of ${size.toFixed(0)} MiB (${rows.toLocaleString('en')} rows), peak RSS of the importing process (one run)`, figure: `${peakRssMb.toFixed(0)} MB, ${seconds.toFixed(1)} s`, requirement: meets(peakRssMb < 300, '< 300 MB') },
    peakRssMb < 300,
  );
}

function seriesBench(dir: string): Promise<void> {
  const { db } = openDatabase(join(dir, 'series.sqlite'));
  const store = ImportStore.open(db);
  store.begin();
  const runId = store.insertRun('bench', '', 'csv', {});
  const metricId = store.insertMetric(runId, 'loss', 'loss');
  const total = quick ? 3_000_000 : 10_000_000;
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
  let buckets = 0;
  const times = sample(() => void (buckets = querySeries(db, metricId, { maxPoints: 2000 }).steps.length), 21, 5);
  return times.then((ms) => {
    db.close();
    record({ what: `series query, ${label(total)}-point metric, full range, 2,000-point budget (${buckets} buckets)`, figure: spread(ms), requirement: meets(median(ms) < 20, '< 20 ms') }, median(ms) < 20);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-import-bench-'));
  const sqlite = execFileSync('/usr/bin/sqlite3', ['--version']).toString().split(' ')[0];
  const out = report(`Import and series query (\`npx tsx bench/import.bench.ts${quick ? ' --quick' : ''}\`)`, `sqlite3 CLI ${sqlite}; imports timed in process, whole.`);
  try {
    await csvBench(dir);
    await eventsBench(dir);
    await seriesBench(dir);
    if (!quick) rssBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out.end(rows);
  process.exitCode = failed ? 1 : 0;
}

await main();
