// A run that diverged (issue 9, item 7): a finite 2.9e29, then one `inf`, then 788 `nan`. The
// counts keep inf and NaN apart, "final" is the last logged value (NaN), the divergence step is
// where the loss became non-finite for good, and an area over non-finite points is refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../import';
import { freshDbEachTest } from '../import/test-support';
import { RunService } from '../services/runs';
import { metricStats } from './points-stats';

const t = freshDbEachTest();

const HEALTHY = 200;
const NANS = 788;

/** steps 0..199 healthy (a NaN at step 50 that the run survived), 200: 2.9e29, 201: inf, 202..989: nan. */
function writeDivergedLog(dir: string): string {
  const file = join(dir, 'diverged.csv');
  const lines = ['step,loss,lr'];
  for (let s = 0; s < HEALTHY; s++) lines.push(`${s},${s === 50 ? 'nan' : (2.5 - s / 100).toFixed(4)},0.1`);
  lines.push(`${HEALTHY},2.9e29,0.1`);
  lines.push(`${HEALTHY + 1},inf,0.1`);
  for (let i = 0; i < NANS; i++) lines.push(`${HEALTHY + 2 + i},nan,0.1`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const lossId = () => t.db.prepare<[], { id: number }>("SELECT id FROM metrics WHERE name = 'loss'").get()!.id;

describe('a diverged run', () => {
  it('counts inf and NaN apart, in the import summary and in the stored run', async () => {
    const summary = await importPaths(t.db, [writeDivergedLog(t.dir)]);
    const loss = summary.runs[0]!.metrics.find((m) => m.name === 'loss')!;
    expect(loss).toMatchObject({ points: HEALTHY + 2 + NANS, nanCount: NANS + 1, infCount: 1 });
    const stored = new RunService(t.db).get(summary.runs[0]!.id).metrics.find((m) => m.name === 'loss')!;
    expect(stored).toMatchObject({ pointCount: HEALTHY + 2 + NANS, nanCount: NANS + 1, infCount: 1 });
  });

  it('counts a metric imported before inf was counted when the run is first read', async () => {
    const summary = await importPaths(t.db, [writeDivergedLog(t.dir)]);
    t.db.prepare('UPDATE metrics SET inf_count = NULL').run(); // as a database of schema 3 left it
    const stored = new RunService(t.db).get(summary.runs[0]!.id).metrics.find((m) => m.name === 'loss')!;
    expect(stored.infCount).toBe(1);
    expect(t.db.prepare<[], { n: number }>("SELECT inf_count AS n FROM metrics WHERE name = 'loss'").get()!.n).toBe(1);
  });

  it('reports the last logged value as final, and the step where the loss diverged for good', async () => {
    await importPaths(t.db, [writeDivergedLog(t.dir)]);
    const stats = metricStats(t.db, lossId());
    expect(stats.lastLogged).toEqual({ step: HEALTHY + 1 + NANS, value: 'NaN' });
    expect(stats.last).toEqual({ step: HEALTHY, value: 2.9e29 }); // the last finite one, still there
    expect(stats.divergedAt).toBe(HEALTHY + 1); // not 50: the run came back from that NaN
    expect(stats.nanCount).toBe(NANS + 1);
    expect(stats.infCount).toBe(1);
  });

  it('gives no area over a range with non-finite points, and says why', async () => {
    await importPaths(t.db, [writeDivergedLog(t.dir)]);
    const whole = metricStats(t.db, lossId());
    expect(whole.auc).toBeNull();
    expect(whole.areaNonFinite).toEqual({ firstStep: 50, nanCount: NANS + 1, infCount: 1 });
    // Over the healthy steps after the NaN at 50, the area is there: trapezoids of the file's values.
    const part = metricStats(t.db, lossId(), { areaFrom: 60, areaTo: 120 });
    let expected = 0;
    for (let s = 61; s <= 120; s++) expected += (Number((2.5 - s / 100).toFixed(4)) + Number((2.5 - (s - 1) / 100).toFixed(4))) / 2;
    expect(part.areaNonFinite).toBeNull();
    expect(part.auc).toBeCloseTo(expected, 10);
  });

  it('says "not diverged" for a run whose loss ends finite', async () => {
    const file = join(t.dir, 'ok.csv');
    writeFileSync(file, 'step,loss\n0,1\n1,nan\n2,0.5\n');
    await importPaths(t.db, [file]);
    const stats = metricStats(t.db, lossId());
    expect(stats.divergedAt).toBeNull();
    expect(stats.lastLogged).toEqual({ step: 2, value: 0.5 });
  });
});
