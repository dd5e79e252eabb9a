// The summary table (one row per run, figures from series.stats over every stored point) and the
// schedule diff (the attached schedules' parameters side by side). Pure functions.
import type { JsonNumber } from '../../src-shared/api/import-types';
import type { SeriesStats } from '../../src-shared/api/types';

export interface SummaryRow {
  id: number;
  name: string;
  color: string;
  kind: string | null;
  /** The last logged value, NaN or ±Infinity included: what the run ended on. */
  final: number | null;
  finalStep: number | null;
  /** The step from which the metric stayed NaN/±Infinity to the end; null if it ends finite. */
  divergedAt: number | null;
  min: number | null;
  minStep: number | null;
  /** Loss at the last restart (or drop) of the attached schedule. */
  restart: { step: number; kind: 'restart' | 'drop'; value: number | null } | null;
  auc: number | null;
  /** Why there is no area, when a NaN or ±Infinity lies in its range. */
  aucMissing: string | null;
  nanCount: number | null;
  infCount: number | null;
}

export type SummaryKey = 'name' | 'kind' | 'final' | 'min' | 'minStep' | 'restart' | 'auc' | 'nanCount' | 'infCount';

const fromJson = (v: JsonNumber): number => (typeof v === 'number' ? v : Number(v));

function whyNoArea(stats: SeriesStats | null): string | null {
  const bad = stats?.areaNonFinite;
  if (!bad) return null;
  const what = [bad.nanCount ? `${bad.nanCount.toLocaleString('en-US')} NaN` : '', bad.infCount ? `${bad.infCount.toLocaleString('en-US')} inf` : ''].filter(Boolean);
  return `${what.join(' and ')} from step ${bad.firstStep.toLocaleString('en-US')} on: no area`;
}

export function summaryRow(
  run: { id: number; name: string; color: string; kind: string | null },
  stats: SeriesStats | null,
  restart: { step: number; kind: 'restart' | 'drop' } | null,
): SummaryRow {
  return {
    ...run,
    final: stats?.lastLogged ? fromJson(stats.lastLogged.value) : null,
    finalStep: stats?.lastLogged?.step ?? null,
    divergedAt: stats?.divergedAt ?? null,
    min: stats?.min?.value ?? null,
    minStep: stats?.min?.step ?? null,
    restart: restart ? { ...restart, value: stats?.valueAt[0]?.value ?? null } : null,
    auc: stats?.auc ?? null,
    aucMissing: whyNoArea(stats),
    nanCount: stats ? stats.nanCount : null,
    infCount: stats ? stats.infCount : null,
  };
}

function sortValue(row: SummaryRow, key: SummaryKey): string | number | null {
  if (key === 'restart') return row.restart?.value ?? null;
  const v = row[key];
  return typeof v === 'number' && Number.isNaN(v) ? null : v; // NaN sorts with the missing values
}

/** Sorted by one column; rows without a value go last whichever the direction. */
export function sortRows(rows: readonly SummaryRow[], key: SummaryKey, ascending: boolean): SummaryRow[] {
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const order = typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number);
    return ascending ? order : -order;
  });
}

export interface DiffRow {
  param: string;
  /** One cell per run, in the comparison's order; null where the run's schedule has no such parameter. */
  values: (string | null)[];
  differs: boolean;
}

function show(v: unknown): string {
  if (v === null) return 'none';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * The parameters of each run's schedule (null: none attached), the kind first, then every other
 * parameter in the order it first appears. A row differs when its cells are not all the same
 * (a parameter that only some schedules have differs too).
 */
export function scheduleDiff(specs: readonly (object | null)[]): DiffRow[] {
  const names: string[] = ['kind'];
  for (const spec of specs) for (const key of Object.keys(spec ?? {})) if (!names.includes(key)) names.push(key);
  return names.map((param) => {
    const values = specs.map((spec) => (spec && param in spec ? show((spec as Record<string, unknown>)[param]) : param === 'kind' ? 'no schedule' : null));
    return { param, values, differs: new Set(values).size > 1 };
  });
}
