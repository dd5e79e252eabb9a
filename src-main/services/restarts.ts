// The restart/drop table, on the Node side: the events of the run's attached schedule over the
// loss's whole step range, each measured against every stored point of the loss (streamed
// chunk by chunk: memory stays bounded whatever the run's length).
import { events as scheduleEvents } from '../../src-shared/schedule';
import { ApiError } from '../../src-shared/api/errors';
import { RestartImpactScan } from '../../src-shared/series/restart-impact';
import type { RestartImpactTable } from '../../src-shared/api/types';
import type { Db } from '../db/database';
import { pointChunks } from '../db/points';
import type { RunService } from './runs';

/** Rows of one table; a schedule with more events (a cyclic one over millions of steps) is cut. */
const MAX_EVENTS = 1000;

export class RestartService {
  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
  ) {}

  impact(runId: number, metric: string, options: { before: number; smoothing: number }): RestartImpactTable {
    const run = this.runs.get(runId);
    const metricId = this.runs.metricId(runId, metric);
    const summary = run.metrics.find((m) => m.name === metric)!;
    const schedule = run.schedule && { id: run.schedule.id, name: run.schedule.name, kind: run.schedule.kind };
    const table: RestartImpactTable = { metric, ...options, schedule, rows: [], truncated: false };
    if (!run.schedule || summary.stepMin === null || summary.stepMax === null) return table;
    if (!run.schedule.spec) throw new ApiError('invalid_input', run.schedule.specError!);
    const from = Math.max(0, Math.ceil(summary.stepMin));
    const to = Math.max(from, Math.floor(summary.stepMax) + 1);
    // Events that change the rate: restarts, drops (and rises); not warmup ends or phase changes.
    const all = scheduleEvents(run.schedule.spec, from, to).filter((e) => e.kind !== 'warmup_end' && e.kind !== 'phase');
    const evts = all.slice(0, MAX_EVENTS);
    const scan = new RestartImpactScan(
      evts.map((e) => e.step),
      options.before,
      options.smoothing,
    );
    for (const { steps, vals, count } of pointChunks(this.db, metricId)) {
      for (let i = 0; i < count; i++) scan.add(steps[i]!, vals[i]!);
    }
    table.rows = scan.finish().map((row, i) => ({ ...row, event: evts[i]! }));
    table.truncated = all.length > evts.length;
    return table;
  }
}
