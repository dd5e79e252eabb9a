// Query cost against data size (issue 15): a full-range series query at a budget of 2,000 points
// over metrics of 10k to 10M points. A query's cost must not fall as the data grows (it did: below
// 2,000 × 256 points every raw point was decoded; 500k points cost 25× what 1M did).
// Per size: the query as querySeries answers it (planned over the pyramid — every point, 32-, 256-,
// 2,048-point summaries — under a cost cap: points-levels.ts), alternating with the previous rule as
// the baseline (every point up to budget × 32 points, 32-point summaries up to budget × 256, else
// 256-point ones), each a median of ROUNDS after WARMUP, with min–max, and the load average.
//
//   npx tsx bench/query-size.bench.ts [--quick]      (--quick: sizes up to 1M)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS, chunksInRange, planOf, querySeries, readLevel, type QueryLevel } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';
import { FINE_SPAN, SUMMARY_SPAN } from '../src-main/db/points-summary';
import { random } from './import-data';
import { alternate, median, quick, report, spread, type Row } from './lib/measure';

const SIZES = [10_000, 100_000, 300_000, 500_000, 1_000_000, 3_000_000, 10_000_000].filter((n) => !quick || n <= 1_000_000);
const BUDGET = 2000;
/** Queries take a millisecond or less: more of them than the harness's default, for a steady median. */
const WARMUP = 5;
const ROUNDS = 21;

function writeMetrics(file: string): Map<number, number> {
  const { db } = openDatabase(file);
  const store = ImportStore.open(db);
  store.begin();
  const ids = new Map<number, number>();
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  const rnd = random(15);
  const runId = store.insertRun('query size', '', 'csv', {});
  for (const size of SIZES) {
    const id = store.insertMetric(runId, `loss_${size}`, 'loss');
    for (let seq = 0, s = 0; s < size; seq++) {
      let n = 0;
      for (; n < CHUNK_POINTS && s < size; n++, s++) {
        steps[n] = s;
        vals[n] = 2 * Math.exp(-s / size) + 0.1 * rnd();
      }
      store.writeChunk(id, seq, steps, vals, n);
    }
    store.finishMetric(id, { points: size, nanCount: 0, infCount: 0, stepMin: 0, stepMax: size - 1 });
    ids.set(size, id);
  }
  store.commit();
  store.close();
  return ids;
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-query-size-'));
  try {
    const file = join(dir, 'q.sqlite');
    const started = performance.now();
    const ids = writeMetrics(file);
    const out = report(
      `Query cost by size (\`npx tsx bench/query-size.bench.ts${quick ? ' --quick' : ''}\`)`,
      `A full-range query at a ${BUDGET}-point budget; wrote ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} points in ${((performance.now() - started) / 1000).toFixed(1)} s. Baseline, alternately: the two-level rule (raw points below budget × ${FINE_SPAN}, else fine or coarse summaries).`,
      `${ROUNDS} queries after ${WARMUP} warm-ups`,
    );
    const { db } = openDatabase(file);
    const rows: Row[] = [];
    const medians: number[] = [];
    for (const size of SIZES) {
      const id = ids.get(size)!;
      const chunks = chunksInRange(db, id, -Infinity, Infinity);
      const oldLevel: QueryLevel = size <= BUDGET * FINE_SPAN ? 'points' : size <= BUDGET * SUMMARY_SPAN ? 'fine' : 'coarse';
      const now = () => querySeries(db, id, { maxPoints: BUDGET });
      const old = () => readLevel(db, id, chunks, -Infinity, Infinity, BUDGET, oldLevel);
      const t = await alternate({ now, old }, ROUNDS, WARMUP);
      const tNow = t.now;
      const tOld = t.old;
      const buckets = now().steps.length;
      medians.push(median(tNow));
      const plan = planOf(chunks, -Infinity, Infinity, BUDGET);
      const read = plan.split > 0 ? `${plan.split} ${plan.finer} + ${chunks.length - plan.split} ${plan.coarser}` : `${chunks.length} ${plan.coarser}`;
      rows.push({
        what: `${size.toLocaleString('en')} points: ${read} chunks read, ${buckets} buckets out`,
        figure: spread(tNow, 'ms', 3),
        baseline: `two-level rule (${oldLevel}): ${spread(tOld, 'ms', 3)}`,
      });
    }
    db.close();
    const falls = medians.flatMap((m, i) => (i > 0 && m < medians[i - 1]! ? [`${SIZES[i - 1]!.toLocaleString('en')} → ${SIZES[i]!.toLocaleString('en')}: ${fmt(medians[i - 1]!)} → ${fmt(m)} ms`] : []));
    out.end(rows, [falls.length ? `Cost falls at: ${falls.join('; ')}.` : 'Cost never falls as the data grows (medians non-decreasing).']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
