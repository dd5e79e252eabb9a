import { ApiError } from '../../src-shared/api/errors';
import type { ParsedInput } from '../../src-shared/api/contract';
import type { ComparisonDetail, ComparisonSummary } from '../../src-shared/api/types';
import { comparisonStatements, getComparison, listComparisons, type ComparisonStatements } from '../db/comparisons';
import type { Db } from '../db/database';
import type { RunService } from './runs';

export class ComparisonService {
  private readonly st: ComparisonStatements;

  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
  ) {
    this.st = comparisonStatements(db);
  }

  list(): ComparisonSummary[] {
    return listComparisons(this.st);
  }

  get(id: number): ComparisonDetail {
    const found = getComparison(this.st, id);
    if (!found) throw new ApiError('not_found', `comparison ${id} does not exist`);
    return found;
  }

  /** Creates, or with an id replaces, a named set of runs and its settings, all or nothing. */
  save(input: ParsedInput<'comparisons.save'>): ComparisonDetail {
    const sameName = this.st.byName.get(input.name);
    if (sameName && sameName.id !== input.id) {
      throw new ApiError('conflict', `a comparison named "${input.name}" already exists`, [
        { field: 'name', message: 'is already used by another comparison' },
      ]);
    }
    const id = this.db.transaction(() => {
      for (const runId of input.runIds) this.runs.get(runId);
      const settings = JSON.stringify(input.settings);
      let saved = input.id;
      if (saved === undefined) saved = this.st.insert.get(input.name, settings)!.id;
      else if (this.st.update.run(input.name, settings, saved).changes === 0) throw new ApiError('not_found', `comparison ${saved} does not exist`);
      this.st.clearRuns.run(saved);
      input.runIds.forEach((runId, position) => this.st.addRun.run(saved, runId, position));
      return saved;
    })();
    return this.get(id);
  }

  delete(id: number): { deleted: number } {
    if (this.st.delete.run(id).changes === 0) throw new ApiError('not_found', `comparison ${id} does not exist`);
    return { deleted: id };
  }
}
