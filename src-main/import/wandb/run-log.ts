// What a W&B run log says, record by record: history rows become points at their `_step`; config
// and summary records are applied as updates and removals (the last state wins, as in W&B's UI);
// the run record names the run; an exit record says it finished.
import { ImportError, type Place } from '../errors';
import { toNumber } from '../proto-schema';
import { decodeRecord, type ItemMessage, type ItemsMessage, type RecordMessage, type RunMessage } from './record-proto';
import { itemPath, numbersIn, parseValue } from './values';

/** A point of a history row; `row` is called once per row with its step, after its points. */
export interface HistorySink {
  point(name: string, step: number, value: number): void;
  row?(step: number, values: Map<string, number>): void;
}

export class WandbRunLog {
  run: RunMessage | null = null;
  exit: { exit_code: number; runtime: number } | null = null;
  readonly config = new Map<string, unknown>();
  readonly summary = new Map<string, unknown>();
  /** Whether a config (or summary) record was met: else the plain files are read instead. */
  hasConfig = false;
  hasSummary = false;
  rows = 0;
  private lastStep = -1;

  constructor(
    private readonly file: string,
    private readonly sink: HistorySink | null,
  ) {}

  /** One record of a .wandb file. */
  record(data: Buffer, record: number, offset: number): void {
    let msg: RecordMessage;
    try {
      msg = decodeRecord(data);
    } catch (err) {
      throw new ImportError(this.file, { record }, `at byte ${offset}: not a W&B Record protobuf (${err instanceof Error ? err.message : String(err)})`);
    }
    const place: Place = { record };
    const where = `at byte ${offset}: `;
    if (msg.history) this.historyRow(msg.history.item, msg.history.step ? toNumber(msg.history.step.num) : undefined, place, where);
    else if (msg.config) this.apply(this.config, msg.config, place, where, 'config');
    else if (msg.summary) this.apply(this.summary, msg.summary, place, where, 'summary');
    else if (msg.exit) this.exit = msg.exit;
    else if (msg.run) {
      this.run = msg.run;
      if (msg.run.config) this.apply(this.config, msg.run.config, place, where, 'config');
      if (msg.run.summary) this.apply(this.summary, msg.run.summary, place, where, 'summary');
    }
  }

  /**
   * One history row: W&B's `_step` item is the step (written in every row by the SDKs seen so far); else
   * the record's step; else (the newer "auto-step" rows carry neither) the previous step plus one.
   * Keys W&B reserves (`_runtime`, `_timestamp`, `_wandb`) are not metrics.
   */
  historyRow(items: { path: string; value: unknown }[] | ItemMessage[], recordStep: number | undefined, place: Place, where = ''): void {
    let step: number | undefined;
    const values = new Map<string, number>();
    for (const item of items) {
      const path = 'path' in item ? item.path : itemPath(item);
      const value = 'path' in item ? item.value : this.parse(item, place, where, 'history');
      if (path === '_step') {
        if (typeof value === 'number' && Number.isFinite(value)) step = value;
        else throw new ImportError(this.file, place, `${where}the history row's _step ${JSON.stringify(value)} is not a number`);
      } else if (!path.startsWith('_')) {
        numbersIn(path, value, (name, v) => values.set(name, v));
      }
    }
    step ??= recordStep ?? this.lastStep + 1;
    this.lastStep = step;
    this.rows++;
    if (!this.sink) return;
    for (const [name, value] of values) this.sink.point(name, step, value);
    this.sink.row?.(step, values);
  }

  private apply(target: Map<string, unknown>, record: ItemsMessage, place: Place, where: string, what: 'config' | 'summary'): void {
    if (what === 'config') this.hasConfig = true;
    else this.hasSummary = true;
    for (const item of record.update) target.set(itemPath(item), this.parse(item, place, where, what));
    for (const item of record.remove) target.delete(itemPath(item));
  }

  private parse(item: ItemMessage, place: Place, where: string, what: string): unknown {
    try {
      return parseValue(item.value_json);
    } catch {
      throw new ImportError(this.file, place, `${where}the ${what} item "${itemPath(item)}" holds ${JSON.stringify(item.value_json.slice(0, 80))}, not JSON`);
    }
  }
}
