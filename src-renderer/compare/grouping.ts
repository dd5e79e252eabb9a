// Grouping runs in compare (seeds of one setting, say): by a configuration key, a tag or a name
// regex; each group drawn as one line (the mean of its runs) with a band (min–max, or ±1
// standard deviation) — TensorBoard's long-standing request, W&B's "group by".

export type GroupBy = { by: 'none' } | { by: 'config'; key: string } | { by: 'tag' } | { by: 'regex'; pattern: string };
export type BandKind = 'minmax' | 'std';

export interface GroupableRun {
  id: number;
  name: string;
  tags: readonly string[];
  params: Readonly<Record<string, string>>;
}

export interface RunGroup {
  /** What the runs share: the key's value, the tag, the regex match. */
  name: string;
  runIds: number[];
}

/** Runs that do not fall in any group (no such setting, no tag, no match) form this one. */
export const NO_GROUP = '(none)';

function groupName(run: GroupableRun, g: GroupBy, re: RegExp | null): string {
  switch (g.by) {
    case 'none':
      return run.name;
    case 'config':
      return g.key in run.params ? `${g.key}=${run.params[g.key]}` : NO_GROUP;
    case 'tag':
      return run.tags.length ? [...run.tags].sort().join(', ') : NO_GROUP;
    case 'regex': {
      const m = re?.exec(run.name);
      return m ? (m[1] ?? m[0]) : NO_GROUP;
    }
  }
}

/**
 * Groups in the order of their first run. A regex is matched against the run name; its first
 * capture group, or else the whole match, names the group (`^(.*)_seed\d+$` gathers seeds).
 */
export function groupRuns(runs: readonly GroupableRun[], g: GroupBy): { groups: RunGroup[]; error: string | null } {
  let re: RegExp | null = null;
  if (g.by === 'regex') {
    try {
      re = new RegExp(g.pattern, 'i');
    } catch (err) {
      return { groups: [], error: `Not a regular expression: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  const byName = new Map<string, number[]>();
  for (const run of runs) {
    const name = groupName(run, g, re);
    byName.set(name, [...(byName.get(name) ?? []), run.id]);
  }
  return { groups: [...byName.entries()].map(([name, runIds]) => ({ name, runIds })), error: null };
}

export interface GroupCurve {
  x: Float64Array;
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** How many runs have a value at each x (the band is one run's line where it is 1). */
  count: Float64Array;
}

/**
 * The mean of a group's runs at every step any of them logged, each run read by linear
 * interpolation between its own points (runs thinned or logged at different steps still line
 * up), and only inside its own step range (a shorter run does not pull the mean down after its
 * end). Band: the runs' min and max there, or the mean ± the population standard deviation.
 */
export function groupCurve(lines: readonly { steps: ArrayLike<number>; values: ArrayLike<number> }[], band: BandKind): GroupCurve {
  const x = unionOf(lines.map((l) => l.steps));
  const n = x.length;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const lo = new Float64Array(n).fill(Infinity);
  const hi = new Float64Array(n).fill(-Infinity);
  const count = new Float64Array(n);
  for (const line of lines) {
    const { steps, values } = finitePoints(line.steps, line.values);
    if (steps.length === 0) continue;
    let j = 0;
    for (let i = 0; i < n; i++) {
      const s = x[i]!;
      if (s < steps[0]! || s > steps[steps.length - 1]!) continue;
      while (j < steps.length - 1 && steps[j + 1]! <= s) j++;
      const v = steps[j] === s || j === steps.length - 1 ? values[j]! : values[j]! + ((values[j + 1]! - values[j]!) * (s - steps[j]!)) / (steps[j + 1]! - steps[j]!);
      sum[i] += v;
      sumSq[i] += v * v;
      if (v < lo[i]!) lo[i] = v;
      if (v > hi[i]!) hi[i] = v;
      count[i]++;
    }
  }
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = count[i]!;
    if (c === 0) {
      mean[i] = lower[i] = upper[i] = NaN;
      continue;
    }
    const m = sum[i]! / c;
    mean[i] = m;
    if (band === 'minmax') {
      lower[i] = lo[i]!;
      upper[i] = hi[i]!;
    } else {
      const sd = Math.sqrt(Math.max(0, sumSq[i]! / c - m * m));
      lower[i] = m - sd;
      upper[i] = m + sd;
    }
  }
  return { x, mean, lower, upper, count };
}

function finitePoints(steps: ArrayLike<number>, values: ArrayLike<number>): { steps: number[]; values: number[] } {
  const s: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (Number.isFinite(values[i]!)) {
      s.push(steps[i]!);
      v.push(values[i]!);
    }
  }
  return { steps: s, values: v };
}

function unionOf(all: readonly ArrayLike<number>[]): Float64Array {
  const set = new Set<number>();
  for (const steps of all) for (let i = 0; i < steps.length; i++) set.add(steps[i]!);
  return Float64Array.from(set).sort();
}
