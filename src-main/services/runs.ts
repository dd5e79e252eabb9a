import { ApiError } from '../../src-shared/api/errors';
import type { RunDetail, RunSummary } from '../../src-shared/api/types';
import type { Db } from '../db/database';
import { getRun, listRuns, runStatements, type RunStatements } from '../db/runs';
import { readAttachedSchedule } from './schedule-spec';

export class RunService {
  private readonly st: RunStatements;

  constructor(private readonly db: Db) {
    this.st = runStatements(db);
  }

  list(): RunSummary[] {
    return listRuns(this.st);
  }

  get(id: number): RunDetail {
    const run = getRun(this.st, id);
    if (!run) throw new ApiError('not_found', `run ${id} does not exist`);
    const { schedule, ...rest } = run;
    return { ...rest, schedule: schedule && readAttachedSchedule(schedule, schedule.specJson) };
  }

  create(name: string): RunDetail {
    const { id } = this.st.insert.get(name)!;
    return this.get(id);
  }

  rename(id: number, name: string): RunDetail {
    this.mustChange(this.st.rename.run(name, id).changes, id);
    return this.get(id);
  }

  setNotes(id: number, notes: string): RunDetail {
    this.mustChange(this.st.setNotes.run(notes, id).changes, id);
    return this.get(id);
  }

  setTags(id: number, tags: string[]): RunDetail {
    this.db.transaction(() => {
      this.mustChange(this.st.touch.run(id).changes, id);
      this.st.clearTags.run(id);
      for (const tag of tags) this.st.addTag.run(id, tag);
    })();
    return this.get(id);
  }

  delete(id: number): { deleted: number } {
    this.mustChange(this.st.delete.run(id).changes, id);
    return { deleted: id };
  }

  /** The stored id of a run's metric, by the name the log gave it. */
  metricId(runId: number, metric: string): number {
    const row = this.st.metricId.get(runId, metric);
    if (row) return row.id;
    this.get(runId);
    throw new ApiError('not_found', `run ${runId} has no metric "${metric}"`);
  }

  private mustChange(changes: number, id: number): void {
    if (changes === 0) throw new ApiError('not_found', `run ${id} does not exist`);
  }
}
