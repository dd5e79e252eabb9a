// Watching 100 runs that each append 10 rows a second (issue 13: under 10 % of one core, and
// queries not slowed). A writer process appends one CSV row to each of 100 logs every 100 ms
// (1,000 small appends a second, the harsh way to write 10 rows/s); this process follows the
// folder. CPU is this process's own (process.cpuUsage), over windows of watching alternated with
// windows where the same process is idle while the writer goes on (the baseline); series queries
// on a 1M-point metric are timed in both. Run alone: `npx tsx bench/watch.bench.ts [--quick]`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS, querySeries } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { WatchService } from '../src-main/watch/service';
import { median, meets, quick, report, ROUNDS, spread, WARMUP } from './lib/measure';

const RUNS = 100;
const ROWS_PER_SECOND = 10;
// Windows of watching: a warm-up, then ROUNDS measured (≥ 5), each after an idle baseline window.
const WINDOW_MS = quick ? 3_000 : 6_000;

const WRITER = `
const { appendFileSync } = require('node:fs');
const [dir, runs, every] = process.argv.slice(1);
let step = 0;
setInterval(() => {
  for (let r = 0; r < Number(runs); r++) appendFileSync(dir + '/run' + r + '/metrics.csv', step + ',' + Math.exp(-step / 500) + ',' + (0.1 * Math.cos(step / 100)) + '\\n');
  step++;
  process.stdout.write(step + '\\n');
}, Number(every));
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This process's CPU over `ms` of wall time, as % of one core; series queries timed meanwhile. */
async function window(ms: number, query: () => void): Promise<{ cpu: number; queryMs: number }> {
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await sleep(250);
    const q = performance.now();
    query();
    times.push(performance.now() - q);
  }
  const used = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  // The queries' own CPU is not the watcher's: taken out of the figure.
  const queryCpu = times.reduce((a, b) => a + b, 0);
  return { cpu: (100 * ((used.user + used.system) / 1000 - queryCpu)) / wall, queryMs: median(times) };
}

async function main(): Promise<void> {
  const out = report(
    `Watching 100 runs (\`npx tsx bench/watch.bench.ts${quick ? ' --quick' : ''}\`)`,
    'A writer process appends one CSV row to each of 100 logs every 100 ms; this process follows the folder. CPU is its own, in windows of watching alternated with idle windows (the baseline) while the writer goes on; series queries on a 1M-point metric are timed in both.',
  );
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-watch-bench-'));
  const logdir = join(dir, 'logs');
  for (let r = 0; r < RUNS; r++) {
    mkdirSync(join(logdir, `run${r}`), { recursive: true });
    writeFileSync(join(logdir, `run${r}`, 'metrics.csv'), 'step,loss,lr\n');
  }
  const { db } = openDatabase(join(dir, 'lrscope.sqlite'));
  // A big stored metric to query while the watcher writes.
  const store = ImportStore.open(db);
  store.begin();
  const big = store.insertMetric(store.insertRun('big', '', 'csv', {}), 'loss', 'loss');
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  for (let seq = 0; seq * CHUNK_POINTS < 1_000_000; seq++) {
    for (let i = 0; i < CHUNK_POINTS; i++) {
      steps[i] = seq * CHUNK_POINTS + i;
      vals[i] = Math.sin(steps[i]! / 1000);
    }
    store.writeChunk(big, seq, steps, vals, CHUNK_POINTS);
  }
  store.commit();
  store.close();
  const query = () => void querySeries(db, big, { maxPoints: 2000 });

  const writer = spawn(process.execPath, ['-e', WRITER, logdir, String(RUNS), String(1000 / ROWS_PER_SECOND)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let written = 0;
  writer.stdout.on('data', (d: Buffer) => (written = Number(d.toString().trim().split('\n').pop())));
  const watching: { cpu: number; queryMs: number }[] = [];
  const idle: { cpu: number; queryMs: number }[] = [];
  let service: WatchService | null = null;
  try {
    await sleep(1000);
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      idle.push(await window(WINDOW_MS / 2, query));
      service = new WatchService(db);
      service.add(logdir);
      service.start();
      await sleep(3000); // catching up with what was written while not watching is not the steady state
      watching.push(await window(WINDOW_MS, query));
      await service.close();
      service = null;
    }
  } finally {
    writer.kill();
    await service?.close();
  }
  // Everything written was stored (a last look after the writer stopped).
  const last = new WatchService(db);
  last.start();
  await last.checkNow();
  await last.close();
  const counts = db.prepare<[], { n: number }>("SELECT m.point_count AS n FROM metrics m JOIN runs r ON r.id = m.run_id WHERE r.name LIKE 'run%' AND m.name = 'loss'").all();
  const chunks = db.prepare<[], { n: number }>("SELECT max(c) AS n FROM (SELECT count(*) AS c FROM metric_chunks k JOIN metrics m ON m.id = k.metric_id JOIN runs r ON r.id = m.run_id WHERE r.name LIKE 'run%' GROUP BY k.metric_id)").get()!.n;
  db.close();
  rmSync(dir, { recursive: true, force: true });

  watching.splice(0, WARMUP);
  idle.splice(0, WARMUP);
  const cpu = median(watching.map((w) => w.cpu));
  const qWatch = watching.map((w) => w.queryMs);
  const qIdle = idle.map((w) => w.queryMs);
  const allStored = counts.length === RUNS && counts.every((c) => c.n === written);
  out.end([
    { what: `watching ${RUNS} runs × ${ROWS_PER_SECOND} rows/s (1 row per append), % of one core over ${WINDOW_MS / 1000} s windows`, figure: spread(watching.map((w) => w.cpu), '%', 1), baseline: `not watching ${spread(idle.map((w) => w.cpu), '%', 1)}`, requirement: meets(cpu < 10, '< 10 %') },
    { what: 'series query, 1M points, 2,000-point budget, while watching', figure: spread(qWatch, 'ms', 2), baseline: `not watching ${spread(qIdle, 'ms', 2)}; ${(median(qWatch) / median(qIdle)).toFixed(2)}×`, requirement: 'not slowed' },
    { what: 'every row stored', figure: `${written} rows written per run; stored ${[...new Set(counts.map((c) => c.n))].join(', ')} (${counts.length} runs)`, baseline: `at most ${chunks} chunks per metric`, requirement: meets(allStored, 'all') },
  ]);
  if (!allStored) process.exitCode = 1;
}

await main();
