// The config diff of a comparison: every setting of any run, split into the ones that differ
// (a run without the setting differs too) and the ones every run shares.
export interface DiffRow {
  key: string;
  /** One value per run, in the comparison's order; null where the run has no such setting. */
  values: (string | null)[];
}

export function configDiff(params: readonly Record<string, string>[]): { differ: DiffRow[]; same: DiffRow[] } {
  const keys = [...new Set(params.flatMap((p) => Object.keys(p)))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const differ: DiffRow[] = [];
  const same: DiffRow[] = [];
  for (const key of keys) {
    const values = params.map((p) => (key in p ? p[key]! : null));
    (values.every((v) => v === values[0]) ? same : differ).push({ key, values });
  }
  return { differ, same };
}
