import { ApiError } from '../../src-shared/api/errors';
import type { RunDetail, ScheduleDetail, ScheduleSummary } from '../../src-shared/api/types';
import type { Db } from '../db/database';
import { getSchedule, listSchedules, scheduleStatements, type ScheduleStatements } from '../db/schedules';
import type { RunService } from './runs';
import { checkScheduleSpec, SPEC_VERSION } from './schedule-spec';

export class ScheduleService {
  private readonly st: ScheduleStatements;

  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
  ) {
    this.st = scheduleStatements(db);
  }

  list(): ScheduleSummary[] {
    return listSchedules(this.st);
  }

  get(id: number): ScheduleDetail {
    const schedule = getSchedule(this.st, id);
    if (!schedule) throw new ApiError('not_found', `schedule ${id} does not exist`);
    return schedule;
  }

  save(input: { id?: number; name: string; spec: Record<string, unknown> }): ScheduleDetail {
    const spec = checkScheduleSpec(input.spec);
    const json = JSON.stringify(spec);
    const kind = String(spec.kind);
    const sameName = this.st.byName.get(input.name);
    if (sameName && sameName.id !== input.id) {
      throw new ApiError('conflict', `a schedule named "${input.name}" already exists`, [
        { field: 'name', message: 'is already used by another schedule' },
      ]);
    }
    if (input.id === undefined) {
      return this.get(this.st.insert.get(input.name, kind, SPEC_VERSION, json)!.id);
    }
    const { changes } = this.st.update.run(input.name, kind, SPEC_VERSION, json, input.id);
    if (changes === 0) throw new ApiError('not_found', `schedule ${input.id} does not exist`);
    return this.get(input.id);
  }

  /** Refuses while runs use the schedule, unless the caller asked to detach them. */
  delete(id: number, detachRuns: boolean): { deleted: number; detachedRuns: number } {
    const schedule = this.get(id);
    if (schedule.runCount > 0 && !detachRuns) {
      throw new ApiError(
        'conflict',
        `schedule "${schedule.name}" is attached to ${schedule.runCount} run${schedule.runCount === 1 ? '' : 's'}; detach ${schedule.runCount === 1 ? 'it' : 'them'} first or delete with detach`,
      );
    }
    return this.db.transaction(() => {
      const detached = this.st.detachAll.run(id).changes;
      this.st.delete.run(id);
      return { deleted: id, detachedRuns: detached };
    })();
  }

  attach(scheduleId: number, runIds: number[]): { attached: number } {
    this.get(scheduleId);
    return this.db.transaction(() => {
      for (const runId of runIds) {
        this.runs.get(runId); // not_found names the run, and the transaction rolls back
        this.st.attach.run(runId, scheduleId);
      }
      return { attached: runIds.length };
    })();
  }

  detach(runId: number): RunDetail {
    this.runs.get(runId);
    this.st.detach.run(runId);
    return this.runs.get(runId);
  }
}
