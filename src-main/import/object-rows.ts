// Logs whose rows are JSON objects (JSONL, trainer_state.json's log_history): keys are columns,
// and a row holds only the keys it logged.
import { ImportError, type Place } from './errors';
import { findStepColumn, isEpochName } from './names';
import type { Row } from './python-json';
import type { MetricWriter, RunWriter } from './run-writer';
import { isStep, notAStep } from './steps';

type Column = { kind: 'metric'; writer: MetricWriter } | { kind: 'text' } | { kind: 'skipped' };

export interface StepChoice {
  key: string | null;
  alsoMetric: boolean;
}

/** The step key: the user's, else a recognised one in the first row, else epoch, else the row index. */
export function chooseStepKey(file: string, keys: string[], stepColumn: string | undefined): StepChoice {
  if (stepColumn === '') return { key: null, alsoMetric: false };
  if (stepColumn !== undefined) {
    if (!keys.includes(stepColumn)) throw new ImportError(file, null, `there is no field "${stepColumn}" to use as the step (fields: ${keys.join(', ')})`);
    return { key: stepColumn, alsoMetric: isEpochName(stepColumn) };
  }
  const step = findStepColumn(keys);
  if (step !== null) return { key: step, alsoMetric: false };
  const epoch = keys.find(isEpochName);
  return epoch ? { key: epoch, alsoMetric: true } : { key: null, alsoMetric: false };
}

export class ObjectRows {
  private readonly columns = new Map<string, Column>();
  private choice: StepChoice | null = null;
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly run: RunWriter,
    private readonly stepColumn: string | undefined,
  ) {}

  row(row: Row, place: Place): void {
    this.choice ??= chooseStepKey(this.file, [...row.keys()], this.stepColumn);
    const { key, alsoMetric } = this.choice;
    const step = key === null ? this.rows : this.step(row, key, place);
    for (const [name, value] of row) {
      if (name === key && !alsoMetric) continue;
      if (value === null || value === undefined) continue;
      let column = this.columns.get(name);
      if (typeof value !== 'number') {
        if (column === undefined) this.columns.set(name, { kind: 'text' });
        else if (column.kind === 'metric') throw new ImportError(this.file, place, `"${name}" is ${JSON.stringify(value)}, not a number`);
        continue;
      }
      if (column === undefined) {
        const writer = this.run.metric(name, this.file, place);
        column = writer ? { kind: 'metric', writer } : { kind: 'skipped' };
        this.columns.set(name, column);
      }
      if (column.kind === 'metric') column.writer.add(step, value);
    }
    this.rows++;
  }

  private step(row: Row, key: string, place: Place): number {
    const step = row.get(key);
    if (typeof step === 'number' && isStep(step)) return step;
    if (step === undefined || step === null) throw new ImportError(this.file, place, `no step: "${key}" is missing`);
    throw new ImportError(this.file, place, `${notAStep(typeof step === 'number' ? String(step) : JSON.stringify(step))} (field "${key}")`);
  }

  finish(empty: string): void {
    if (this.rows === 0) throw new ImportError(this.file, null, empty);
    if (![...this.columns.values()].some((c) => c.kind === 'metric')) throw new ImportError(this.file, null, 'no numeric column besides the step');
  }
}
