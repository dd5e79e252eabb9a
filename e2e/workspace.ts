// A workspace of many runs written straight through the import store (the importer's own write
// path, without parsing files): loss, lr and accuracy per run, for the many-runs e2e and bench.
import { openDatabase } from '../src-main/db/database';
import { CHUNK_POINTS } from '../src-main/db/points';
import { ImportStore } from '../src-main/db/points-import';

export function writeWorkspace(file: string, runs: number, pointsPerMetric: number): void {
  const { db } = openDatabase(file);
  const store = ImportStore.open(db);
  const steps = new Float64Array(CHUNK_POINTS);
  const vals = new Float64Array(CHUNK_POINTS);
  store.begin();
  for (let r = 0; r < runs; r++) {
    const runId = store.insertRun(`sweep run ${String(r).padStart(4, '0')}`, '', 'csv', {});
    const metrics = [
      ['loss', 'loss', (s: number) => 2.3 * Math.exp(-s / (pointsPerMetric / 3)) + 0.01 * (r % 7)],
      ['lr', 'lr', (s: number) => 0.1 * (1 + r / runs) * 0.5 * (1 + Math.cos((Math.PI * s) / pointsPerMetric))],
      ['accuracy', 'other', (s: number) => 1 - Math.exp(-s / (pointsPerMetric / 4))],
    ] as const;
    for (const [name, role, value] of metrics) {
      const id = store.insertMetric(runId, name, role);
      for (let seq = 0, s = 0; s < pointsPerMetric; seq++) {
        let n = 0;
        for (; n < CHUNK_POINTS && s < pointsPerMetric; n++, s++) {
          steps[n] = s;
          vals[n] = value(s);
        }
        store.writeChunk(id, seq, steps, vals, n);
      }
      store.finishMetric(id, { points: pointsPerMetric, nanCount: 0, infCount: 0, stepMin: 0, stepMax: pointsPerMetric - 1 });
    }
    // One transaction per 50 runs: bounded journal, and a crash leaves whole runs only.
    if (r % 50 === 49) {
      store.commit();
      store.begin();
    }
  }
  store.commit();
  store.close();
}
