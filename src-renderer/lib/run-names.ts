// Run names as the lists show them: a long name keeps its end (where seeds, dates and variants
// usually are) and loses its middle; runs of equal names say where each came from.
import type { RunSummary } from '../../src-shared/api/types';

/** The name split for a middle ellipsis: the head may be cut (CSS), the tail always shows. */
export function splitForEllipsis(name: string, tail = 14): { head: string; tail: string } {
  if (name.length <= tail * 2) return { head: name, tail: '' };
  return { head: name.slice(0, name.length - tail), tail: name.slice(name.length - tail) };
}

/** The last `parts` segments of a path ("run_a/metrics.csv"), either slash. */
export function shortPath(path: string, parts = 2): string {
  const segments = path.split(/[\\/]+/).filter(Boolean);
  return segments.slice(-parts).join('/');
}

/**
 * For runs whose name another run shares: where it came from ("run_a/metrics.csv · csv"), with
 * as many path segments as it takes to tell them apart. Runs with a unique name get nothing.
 */
export function sourceHints(runs: readonly Pick<RunSummary, 'id' | 'name' | 'sourcePath' | 'sourceFormat'>[]): Map<number, string> {
  const byName = new Map<string, typeof runs[number][]>();
  for (const r of runs) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const hints = new Map<number, string>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    let parts = 2;
    const label = (r: typeof group[number], n: number) =>
      r.sourcePath ? `${shortPath(r.sourcePath, n)}${r.sourceFormat ? ` · ${r.sourceFormat}` : ''}` : `created by hand · #${r.id}`;
    while (parts < 8 && new Set(group.map((r) => label(r, parts))).size < group.length) parts++;
    const labels = group.map((r) => label(r, parts));
    // Still equal (the same file imported twice): the run id tells them apart.
    group.forEach((r, i) => hints.set(r.id, labels.indexOf(labels[i]!) !== i || labels.lastIndexOf(labels[i]!) !== i ? `${labels[i]} · #${r.id}` : labels[i]!));
  }
  return hints;
}
