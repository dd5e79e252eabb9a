// The fold behind series.stats: whole-data figures of a metric (counts, first/last/min, trapezoid
// area, non-finite stretches, values at steps), fed either one point at a time or one whole chunk's
// precomputed figures at a time. Both feeds give the same result, so a run's summary can add the
// stored figures of the chunks inside its ranges and decode only the chunks at their edges.
// Pure arithmetic, no SQL.
import type { JsonNumber } from '../../src-shared/api/series-types';
import type { SeriesStats, StepValue } from '../../src-shared/api/types';

/** Layout of a chunk's stored figures (metric_chunk_stats), in Float64 slots; NaN = none. */
export const CS = {
  count: 0,
  nans: 1,
  infs: 2,
  firstStep: 3,
  firstValue: 4,
  lastStep: 5,
  lastValue: 6,
  firstFiniteStep: 7,
  firstFiniteValue: 8,
  lastFiniteStep: 9,
  lastFiniteValue: 10,
  minStep: 11,
  minValue: 12,
  auc: 13,
  areaLo: 14,
  areaHi: 15,
  firstNonFiniteStep: 16,
  trailingNonFiniteFrom: 17,
} as const;
export const CHUNK_STATS_SIZE = 18;

export interface FoldRanges {
  areaFrom: number;
  areaTo: number;
  at: readonly number[];
}

export class StatsFold {
  private count = 0;
  private nanCount = 0;
  private infCount = 0;
  private lastStep = NaN;
  private lastValue = NaN;
  /** First step of the current stretch of non-finite points (NaN while the last point is finite). */
  private nonFiniteFrom = NaN;
  private firstNonFinite = NaN;
  private readonly inArea = { firstStep: NaN, nanCount: 0, infCount: 0 };
  // First, last and minimum finite points as numbers (NaN step = none yet): no object per point.
  private firstStep = NaN;
  private firstValue = NaN;
  private lastFiniteStep = NaN;
  private lastFiniteValue = NaN;
  private minStep = NaN;
  private minValue = NaN;
  private auc = 0;
  private areaSeen = false;
  private areaLo = Infinity;
  private areaHi = -Infinity;
  // The previous point when it was finite: a NaN or ±Infinity breaks the curve, so no trapezoid spans it.
  private prevStep = NaN;
  private prevValue = NaN;
  private prevFinite = false;
  /** The requested steps in ascending order, answered in one pass. */
  private readonly order: number[];
  private readonly valueAt: (StepValue | null)[];
  private k = 0;

  constructor(private readonly r: FoldRanges) {
    this.order = r.at.map((_, i) => i).sort((a, b) => r.at[a]! - r.at[b]!);
    this.valueAt = r.at.map(() => null);
  }

  addPoint(s: number, v: number): void {
    this.count++;
    this.lastStep = s;
    this.lastValue = v;
    if (!Number.isFinite(v)) {
      const nan = v !== v;
      if (nan) this.nanCount++;
      else this.infCount++;
      if (this.nonFiniteFrom !== this.nonFiniteFrom) this.nonFiniteFrom = s;
      if (this.firstNonFinite !== this.firstNonFinite) this.firstNonFinite = s;
      if (s >= this.r.areaFrom && s <= this.r.areaTo) this.countInArea(s, nan ? 1 : 0, nan ? 0 : 1);
      this.prevFinite = false;
      return;
    }
    this.nonFiniteFrom = NaN;
    this.answerBefore(s);
    if (this.firstStep !== this.firstStep) [this.firstStep, this.firstValue] = [s, v];
    this.lastFiniteStep = s;
    this.lastFiniteValue = v;
    if (this.minStep !== this.minStep || v < this.minValue) {
      this.minStep = s;
      this.minValue = v;
    }
    if (this.prevFinite) this.segment(this.prevStep, this.prevValue, s, v);
    this.prevStep = s;
    this.prevValue = v;
    this.prevFinite = true;
  }

  /**
   * Whether a chunk spanning [stepFirst, stepLast] can be added whole: it lies inside the area's
   * range or wholly outside it, and no requested step falls in it (those need its points).
   */
  canAddWhole(stepFirst: number, stepLast: number): boolean {
    const { areaFrom, areaTo, at } = this.r;
    const inside = stepFirst >= areaFrom && stepLast <= areaTo;
    const outside = stepLast < areaFrom || stepFirst > areaTo;
    return (inside || outside) && !at.some((t) => t >= stepFirst && t <= stepLast);
  }

  /** Adds a chunk's stored figures (see canAddWhole), as if its points were added one by one. */
  addChunk(c: Float64Array): void {
    if (c[CS.count] === 0) return;
    const firstStep = c[CS.firstStep]!;
    const hasFinite = c[CS.firstFiniteStep] === c[CS.firstFiniteStep];
    const inside = firstStep >= this.r.areaFrom && c[CS.lastStep]! <= this.r.areaTo;
    this.count += c[CS.count]!;
    this.nanCount += c[CS.nans]!;
    this.infCount += c[CS.infs]!;
    this.lastStep = c[CS.lastStep]!;
    this.lastValue = c[CS.lastValue]!;
    const nonFinite = c[CS.nans]! + c[CS.infs]!;
    if (nonFinite > 0) {
      if (this.firstNonFinite !== this.firstNonFinite) this.firstNonFinite = c[CS.firstNonFiniteStep]!;
      if (inside) this.countInArea(c[CS.firstNonFiniteStep]!, c[CS.nans]!, c[CS.infs]!);
    }
    if (hasFinite) this.nonFiniteFrom = c[CS.trailingNonFiniteFrom]!;
    else if (this.nonFiniteFrom !== this.nonFiniteFrom) this.nonFiniteFrom = firstStep;
    if (!hasFinite) {
      this.prevFinite = false;
      return;
    }
    this.answerBefore(firstStep);
    const firstValue = c[CS.firstValue]!;
    if (this.prevFinite && Number.isFinite(firstValue)) this.segment(this.prevStep, this.prevValue, firstStep, firstValue);
    if (this.firstStep !== this.firstStep) [this.firstStep, this.firstValue] = [c[CS.firstFiniteStep]!, c[CS.firstFiniteValue]!];
    this.lastFiniteStep = c[CS.lastFiniteStep]!;
    this.lastFiniteValue = c[CS.lastFiniteValue]!;
    if (this.minStep !== this.minStep || c[CS.minValue]! < this.minValue) [this.minStep, this.minValue] = [c[CS.minStep]!, c[CS.minValue]!];
    if (inside && c[CS.areaLo]! <= c[CS.areaHi]!) {
      this.auc += c[CS.auc]!;
      this.areaSeen = true;
      if (c[CS.areaLo]! < this.areaLo) this.areaLo = c[CS.areaLo]!;
      if (c[CS.areaHi]! > this.areaHi) this.areaHi = c[CS.areaHi]!;
    }
    this.prevStep = c[CS.lastStep]!;
    this.prevValue = this.lastValue;
    this.prevFinite = Number.isFinite(this.lastValue);
  }

  /** A chunk's own figures, stored with it (area over the whole chunk). */
  chunkFigures(): Float64Array {
    const c = new Float64Array(CHUNK_STATS_SIZE).fill(NaN);
    c[CS.count] = this.count;
    c[CS.nans] = this.nanCount;
    c[CS.infs] = this.infCount;
    c[CS.lastStep] = this.lastStep;
    c[CS.lastValue] = this.lastValue;
    [c[CS.firstFiniteStep], c[CS.firstFiniteValue]] = [this.firstStep, this.firstValue];
    [c[CS.lastFiniteStep], c[CS.lastFiniteValue]] = [this.lastFiniteStep, this.lastFiniteValue];
    [c[CS.minStep], c[CS.minValue]] = [this.minStep, this.minValue];
    c[CS.auc] = this.auc;
    if (this.areaSeen) [c[CS.areaLo], c[CS.areaHi]] = [this.areaLo, this.areaHi];
    c[CS.firstNonFiniteStep] = this.firstNonFinite;
    c[CS.trailingNonFiniteFrom] = this.nonFiniteFrom;
    return c;
  }

  result(): SeriesStats {
    this.answerBefore(Infinity);
    while (this.k < this.order.length) this.valueAt[this.order[this.k++]!] = this.last();
    const { count, lastStep, lastValue, nonFiniteFrom, inArea, areaSeen } = this;
    // A NaN or ±Infinity inside the range makes its area unknown: no number rather than a gap's.
    const blocked = inArea.nanCount + inArea.infCount > 0;
    return {
      count,
      nanCount: this.nanCount,
      infCount: this.infCount,
      lastLogged: count > 0 ? { step: lastStep, value: jsonNumber(lastValue) } : null,
      divergedAt: nonFiniteFrom === nonFiniteFrom ? nonFiniteFrom : null,
      first: point(this.firstStep, this.firstValue),
      last: this.last(),
      min: point(this.minStep, this.minValue),
      auc: areaSeen && !blocked ? this.auc : null,
      area: areaSeen && !blocked ? { from: this.areaLo, to: this.areaHi } : null,
      areaNonFinite: blocked ? { ...inArea } : null,
      valueAt: this.valueAt,
    };
  }

  private countInArea(step: number, nans: number, infs: number): void {
    if (this.inArea.firstStep !== this.inArea.firstStep) this.inArea.firstStep = step;
    this.inArea.nanCount += nans;
    this.inArea.infCount += infs;
  }

  /** Requested steps before `s` take the last finite point so far. */
  private answerBefore(s: number): void {
    const { order, r } = this;
    while (this.k < order.length && r.at[order[this.k]!]! < s) this.valueAt[order[this.k++]!] = this.last();
  }

  private last(): StepValue | null {
    return point(this.lastFiniteStep, this.lastFiniteValue);
  }

  /** The part of the segment (s0, v0)–(s1, v1) inside the area range, ends interpolated. */
  private segment(s0: number, v0: number, s1: number, v1: number): void {
    const a = Math.max(s0, this.r.areaFrom);
    const b = Math.min(s1, this.r.areaTo);
    if (!(b > a)) return;
    const slope = (v1 - v0) / (s1 - s0);
    const va = v0 + slope * (a - s0);
    const vb = v0 + slope * (b - s0);
    this.auc += ((b - a) * (va + vb)) / 2;
    this.areaSeen = true;
    if (a < this.areaLo) this.areaLo = a;
    if (b > this.areaHi) this.areaHi = b;
  }
}

/**
 * The running figures of chunkStats between blocks, in Float64 slots (prevFinite: 1 or 0). The
 * scan goes through a chunk BLOCK points at a time and keeps these between blocks, so that the code
 * after its loop runs many times in every chunk. V8 compiles a hot loop before the code after it has
 * ever run when that code runs once per 16,384 points (lazy feedback, on-stack replacement); the
 * compiled code then bailed out there at the end of every chunk (node --trace-deopt: "Insufficient
 * type feedback", 186 times in 1 to 2 of 6 imports of 1M rows × 4 columns) and a chunk took
 * 0.19-0.25 ms instead of 0.06 ms.
 */
const R = {
  nans: 0,
  infs: 1,
  firstNonFinite: 2,
  nonFiniteFrom: 3,
  firstStep: 4,
  firstValue: 5,
  lastFiniteStep: 6,
  lastFiniteValue: 7,
  minStep: 8,
  minValue: 9,
  auc: 10,
  areaLo: 11,
  areaHi: 12,
  prevStep: 13,
  prevValue: 14,
  prevFinite: 15,
} as const;
const RUNNING_START = Float64Array.of(0, 0, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 0, Infinity, -Infinity, NaN, NaN, 0);
const BLOCK = 512;

/**
 * The stored figures of one chunk's points: what StatsFold.addPoint over every point with an
 * unbounded area range gives (chunkStatsByFold), in loops over locals. It runs for every chunk
 * an import writes, where the fold's per-point method calls cost ~5% of a whole CSV import.
 */
export function chunkStats(steps: Float64Array, vals: Float64Array, count: number): Float64Array {
  const r = RUNNING_START.slice();
  for (let from = 0; from < count; from += BLOCK) scanBlock(r, steps, vals, from, Math.min(count, from + BLOCK));
  const c = new Float64Array(CHUNK_STATS_SIZE).fill(NaN);
  c[CS.count] = count;
  c[CS.nans] = r[R.nans]!;
  c[CS.infs] = r[R.infs]!;
  if (count > 0) {
    c[CS.firstStep] = steps[0]!;
    c[CS.firstValue] = vals[0]!;
    c[CS.lastStep] = steps[count - 1]!;
    c[CS.lastValue] = vals[count - 1]!;
  }
  c[CS.firstFiniteStep] = r[R.firstStep]!;
  c[CS.firstFiniteValue] = r[R.firstValue]!;
  c[CS.lastFiniteStep] = r[R.lastFiniteStep]!;
  c[CS.lastFiniteValue] = r[R.lastFiniteValue]!;
  c[CS.minStep] = r[R.minStep]!;
  c[CS.minValue] = r[R.minValue]!;
  c[CS.auc] = r[R.auc]!;
  if (r[R.areaLo]! <= r[R.areaHi]!) {
    c[CS.areaLo] = r[R.areaLo]!;
    c[CS.areaHi] = r[R.areaHi]!;
  }
  c[CS.firstNonFiniteStep] = r[R.firstNonFinite]!;
  c[CS.trailingNonFiniteFrom] = r[R.nonFiniteFrom]!;
  return c;
}

/** Points [from, to) into the running figures `r` (see R). */
function scanBlock(r: Float64Array, steps: Float64Array, vals: Float64Array, from: number, to: number): void {
  let nans = r[R.nans]!;
  let infs = r[R.infs]!;
  let firstNonFinite = r[R.firstNonFinite]!;
  let nonFiniteFrom = r[R.nonFiniteFrom]!;
  let firstStep = r[R.firstStep]!;
  let firstValue = r[R.firstValue]!;
  let lastFiniteStep = r[R.lastFiniteStep]!;
  let lastFiniteValue = r[R.lastFiniteValue]!;
  let minStep = r[R.minStep]!;
  let minValue = r[R.minValue]!;
  let auc = r[R.auc]!;
  let areaLo = r[R.areaLo]!;
  let areaHi = r[R.areaHi]!;
  let prevStep = r[R.prevStep]!;
  let prevValue = r[R.prevValue]!;
  let prevFinite = r[R.prevFinite] === 1;
  for (let i = from; i < to; i++) {
    const s = steps[i]!;
    const v = vals[i]!;
    if (v - v !== 0) {
      // NaN or ±Infinity: breaks the curve.
      if (v !== v) nans++;
      else infs++;
      if (nonFiniteFrom !== nonFiniteFrom) nonFiniteFrom = s;
      if (firstNonFinite !== firstNonFinite) firstNonFinite = s;
      prevFinite = false;
      continue;
    }
    nonFiniteFrom = NaN;
    if (firstStep !== firstStep) {
      firstStep = s;
      firstValue = v;
    }
    lastFiniteStep = s;
    lastFiniteValue = v;
    if (minStep !== minStep || v < minValue) {
      minStep = s;
      minValue = v;
    }
    // StatsFold.segment with an unbounded range, the same operations in the same order (bit for bit).
    if (prevFinite && s > prevStep) {
      const slope = (v - prevValue) / (s - prevStep);
      const va = prevValue + slope * (prevStep - prevStep);
      const vb = prevValue + slope * (s - prevStep);
      auc += ((s - prevStep) * (va + vb)) / 2;
      if (prevStep < areaLo) areaLo = prevStep;
      if (s > areaHi) areaHi = s;
    }
    prevStep = s;
    prevValue = v;
    prevFinite = true;
  }
  r[R.nans] = nans;
  r[R.infs] = infs;
  r[R.firstNonFinite] = firstNonFinite;
  r[R.nonFiniteFrom] = nonFiniteFrom;
  r[R.firstStep] = firstStep;
  r[R.firstValue] = firstValue;
  r[R.lastFiniteStep] = lastFiniteStep;
  r[R.lastFiniteValue] = lastFiniteValue;
  r[R.minStep] = minStep;
  r[R.minValue] = minValue;
  r[R.auc] = auc;
  r[R.areaLo] = areaLo;
  r[R.areaHi] = areaHi;
  r[R.prevStep] = prevStep;
  r[R.prevValue] = prevValue;
  r[R.prevFinite] = prevFinite ? 1 : 0;
}

/** chunkStats through the fold, point by point: the reference chunkStats is tested against. */
export function chunkStatsByFold(steps: Float64Array, vals: Float64Array, count: number): Float64Array {
  const fold = new StatsFold({ areaFrom: -Infinity, areaTo: Infinity, at: [] });
  for (let i = 0; i < count; i++) fold.addPoint(steps[i]!, vals[i]!);
  const c = fold.chunkFigures();
  if (count > 0) [c[CS.firstStep], c[CS.firstValue]] = [steps[0]!, vals[0]!];
  return c;
}

const point = (step: number, value: number): StepValue | null => (step === step ? { step, value } : null);

function jsonNumber(v: number): JsonNumber {
  if (Number.isFinite(v)) return v;
  return v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}
