// Nothing blocks the server (issue 15): the compare view's summary (series.stats for 20 runs of
// 1,000,000 points, as CompareSession asks it: the common area range and each run's last restart)
// while a run is opened (series.get of its loss at the run view's budget). Both times are measured
// over HTTP against `lrscope serve`, with the summary's 20 requests sent together and the open sent
// right after them, as a user opening a run during a comparison would.
// Baseline, alternately in the same run: the same database with metric_chunk_stats emptied, so
// series.stats decodes every point of every run (what it did before per-chunk figures). series.stats
// works in slices of ~2 ms and yields between them (points-stats.ts), so neither holds the open.
// Then, in this process: the longest event-loop stall while the 20 summaries run (monitorEventLoopDelay).
//
//   npx tsx bench/compare-stats.bench.ts [--quick]      (--quick: 200,000 points per run)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { startServe } from '../e2e/serve';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { openServices } from '../src-main/services';
import { random } from './import-data';
import { meets, median, quick, report, spread } from './lib/measure';

const RUNS = 20;
const POINTS = quick ? 200_000 : 1_000_000;
const WARMUP = 2;
const ROUNDS = 7;

function writeRuns(file: string): void {
  const { db } = openDatabase(file);
  const store = ImportStore.open(db);
  store.begin();
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  for (let r = 0; r < RUNS; r++) {
    const rnd = random(r + 1);
    const runId = store.insertRun(`bench ${String(r).padStart(2, '0')}`, '', 'csv', {});
    const id = store.insertMetric(runId, 'loss', 'loss');
    for (let seq = 0, s = 0; s < POINTS; seq++) {
      let n = 0;
      for (; n < CHUNK_POINTS && s < POINTS; n++, s++) {
        steps[n] = s;
        vals[n] = 2.3 * Math.exp(-s / (POINTS / (3 + r / 4))) + 0.05 * rnd();
      }
      store.writeChunk(id, seq, steps, vals, n);
    }
    store.finishMetric(id, { points: POINTS, nanCount: 0, infCount: 0, stepMin: 0, stepMax: POINTS - 1 });
  }
  store.commit();
  store.close();
  db.close();
}

interface Api {
  call(method: string, body: unknown): Promise<unknown>;
  stop(): void;
}

async function api(file: string): Promise<Api> {
  const server = await startServe(file);
  const url = new URL(server.url);
  const token = url.searchParams.get('token')!;
  return {
    async call(method, body) {
      const res = await fetch(`${url.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    stop: () => void server.stop(),
  };
}

/** The summary's 20 requests and, right after, the open of a run: the time to each answer. */
async function round(a: Api, runToOpen: number): Promise<{ summary: number; open: number; openAlone: number }> {
  const t0 = performance.now();
  const summary = Promise.all(
    Array.from({ length: RUNS }, (_, r) => a.call('series.stats', { runId: r + 1, metric: 'loss', areaFrom: 1000.5, areaTo: POINTS - 777.25, at: [Math.round(POINTS * (0.6 + r / 100))] })),
  ).then(() => performance.now() - t0);
  const o0 = performance.now();
  const open = a.call('series.get', { runId: runToOpen, metric: 'loss', maxPoints: 2000 }).then(() => performance.now() - o0);
  const [s, o] = await Promise.all([summary, open]);
  const a0 = performance.now();
  await a.call('series.get', { runId: runToOpen, metric: 'loss', maxPoints: 2000 });
  return { summary: s, open: o, openAlone: performance.now() - a0 };
}

/**
 * In this process, per round: the 20 summaries started together (as the server starts them for 20
 * requests) and a run opened right after; the longest event-loop stall meanwhile (perf_hooks'
 * monitorEventLoopDelay, its maximum minus its 1 ms resolution) and the open's wait.
 */
async function inProcess(file: string): Promise<{ stall: number[]; turnCpu: number[]; open: number[] }> {
  const services = openServices(file, 'browser');
  const stall: number[] = [];
  const turnCpu: number[] = [];
  const open: number[] = [];
  try {
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      // The CPU time of each turn of the loop, from one setImmediate to the next: on a loaded
      // machine the wall-clock stall above also counts time the process was not running at all.
      let ticking = true;
      let maxTurn = 0;
      let last = process.cpuUsage();
      const tick = () => {
        const now = process.cpuUsage(last);
        maxTurn = Math.max(maxTurn, (now.user + now.system) / 1000);
        last = process.cpuUsage();
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      const summary = Promise.all(
        Array.from({ length: RUNS }, (_, r) => services.series.stats(r + 1, 'loss', { areaFrom: 1000.5, areaTo: POINTS - 777.25, at: [Math.round(POINTS * (0.6 + r / 100))] })),
      );
      const t0 = performance.now();
      const opened = new Promise<number>((resolve) =>
        setImmediate(() => {
          services.series.get(1 + (i % RUNS), 'loss', { maxPoints: 2000 });
          resolve(performance.now() - t0);
        }),
      );
      const [, o] = await Promise.all([summary, opened]);
      h.disable();
      ticking = false;
      if (i >= WARMUP) {
        stall.push(Math.max(0, h.max / 1e6 - 1));
        turnCpu.push(maxTurn);
        open.push(o);
      }
    }
  } finally {
    services.close();
  }
  return { stall, turnCpu, open };
}

const fmt = (xs: number[]) => spread(xs, 'ms', 1);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-compare-stats-'));
  const file = join(dir, 'new.sqlite');
  const baseFile = join(dir, 'baseline.sqlite');
  let servers: Api[] = [];
  try {
    const started = performance.now();
    writeRuns(file);
    copyFileSync(file, baseFile);
    const { db } = openDatabase(baseFile);
    db.prepare('DELETE FROM metric_chunk_stats').run();
    db.close();
    const out = report(
      `Compare summary while a run opens (\`npx tsx bench/compare-stats.bench.ts${quick ? ' --quick' : ''}\`)`,
      `${RUNS} runs × ${POINTS.toLocaleString('en')} points (written in ${((performance.now() - started) / 1000).toFixed(1)} s). Baseline, alternately: the same database without per-chunk figures (every point scanned).`,
      `${ROUNDS} rounds after ${WARMUP} warm-ups`,
    );
    servers = [await api(file), await api(baseFile)];
    const [now, base] = servers as [Api, Api];
    for (let i = 0; i < WARMUP; i++) {
      await round(now, 1 + (i % RUNS));
      await round(base, 1 + (i % RUNS));
    }
    const results = { now: [] as Awaited<ReturnType<typeof round>>[], base: [] as Awaited<ReturnType<typeof round>>[] };
    for (let i = 0; i < ROUNDS; i++) {
      results.now.push(await round(now, 1 + ((i * 7) % RUNS)));
      results.base.push(await round(base, 1 + ((i * 7) % RUNS)));
    }
    const [mine, theirs] = [await inProcess(file), await inProcess(baseFile)];
    const of = (rs: typeof results.now, k: 'summary' | 'open' | 'openAlone') => rs.map((r) => r[k]);
    const vs = (a: number[], b: number[]) => `every point: ${fmt(b)}; ${(median(a) / median(b)).toFixed(2)}×`;
    out.end([
      { what: `over HTTP: compare summary of ${RUNS} runs`, figure: fmt(of(results.now, 'summary')), baseline: vs(of(results.now, 'summary'), of(results.base, 'summary')) },
      { what: 'over HTTP: a run opened meanwhile', figure: fmt(of(results.now, 'open')), baseline: vs(of(results.now, 'open'), of(results.base, 'open')) },
      { what: 'over HTTP: the same run opened alone', figure: fmt(of(results.now, 'openAlone')), baseline: vs(of(results.now, 'openAlone'), of(results.base, 'openAlone')) },
      { what: `in process: longest turn of the event loop (CPU) while ${RUNS} summaries run`, figure: fmt(mine.turnCpu), baseline: vs(mine.turnCpu, theirs.turnCpu), requirement: meets(median(mine.turnCpu) <= 50, '≤ 50 ms') },
      { what: 'in process: longest stall, wall clock (monitorEventLoopDelay)', figure: fmt(mine.stall), baseline: vs(mine.stall, theirs.stall) },
      { what: 'in process: a run opened right after the summaries started', figure: fmt(mine.open), baseline: vs(mine.open, theirs.open) },
    ]);
  } finally {
    for (const s of servers) s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
