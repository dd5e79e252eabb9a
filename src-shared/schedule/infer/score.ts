// A candidate's fit over every logged step: max and median relative error, the steps where it
// departs most, and the call it stands for.
import { evaluateAt } from '../evaluate';
import type { ScheduleSpec } from '../spec';
import { parseSpec } from '../validate';
import type { LrLog } from './data';
import { relError } from './fit';

export interface WorstStep { step: number; logged: number; scheduled: number; relError: number }

export interface Fit {
  spec: ScheduleSpec;
  maxRelError: number;
  medianRelError: number;
  /** The arithmetic that fits: TensorFlow's float32 or float64 (PyTorch, plain Python). */
  dtype: 'float32' | 'float64';
  /** The logged step s is the schedule's step s + stepOffset (a log counting from 1: -1). */
  stepOffset: number;
  worst: WorstStep[];
  /** The spec as a call: `cosine_decay_restarts(0.004, first_decay_steps=500, …)`. */
  call: string;
}

export function dtypeOf(spec: unknown): 'float32' | 'float64' {
  const s = spec as Record<string, unknown>;
  if (s.dtype === 'float32' || s.dtype === 'float64') return s.dtype;
  if (s.after) return dtypeOf(s.after);
  return 'float64';
}

function short(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return v.length > 6 ? `[${v.slice(0, 5).map(short).join(', ')}, … ${v.length} in all]` : `[${v.map(short).join(', ')}]`;
  if (typeof v === 'object') return callOf(v as ScheduleSpec);
  return JSON.stringify(v);
}

/** The spec as its library call, defaults (and dtype float32, TensorFlow's own) left out. */
export function callOf(spec: ScheduleSpec, defaults?: (kind: string) => Map<string, unknown>): string {
  const d = defaults?.(spec.kind);
  const args = Object.entries(spec)
    .filter(([k, v]) => k !== 'kind' && v !== null && !(d && d.get(k) === v) && !(k === 'dtype' && v === 'float32'))
    .map(([k, v], i) => (i === 0 && /rate|^lr$|max_lr/.test(k) ? short(v) : `${k}=${short(v)}`));
  return `${spec.kind}(${args.join(', ')})`;
}

/** Indices of the k largest positive entries, largest first, in one pass. */
function largest(errs: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < errs.length; i++) {
    if (!(errs[i] > 0)) continue;
    if (top.length === k && !(errs[i] > errs[top[k - 1]])) continue;
    let j = Math.min(top.length, k - 1);
    top[j] = i;
    while (j > 0 && errs[top[j]] > errs[top[j - 1]]) { [top[j], top[j - 1]] = [top[j - 1], top[j]]; j--; }
  }
  return top;
}

export function scoreSpec(spec: ScheduleSpec, log: LrLog, offset: number, _threshold: number): Fit | null {
  const parsed = parseSpec(spec);
  if (!parsed.ok) return null;
  const s = parsed.spec;
  const n = log.steps.length;
  const at = evaluateAt(s, offset ? log.steps.map((x) => x + offset) : log.steps);
  const errs = new Float64Array(n);
  for (let i = 0; i < n; i++) errs[i] = Number.isNaN(at[i]) ? Infinity : relError(at[i], log.values[i]);
  const sorted = Float64Array.from(errs).sort();
  const top = largest(errs, 5);
  return {
    spec: s,
    maxRelError: sorted[n - 1],
    medianRelError: sorted[n >> 1],
    dtype: dtypeOf(s),
    stepOffset: offset,
    worst: top.map((i) => ({ step: log.steps[i], logged: log.values[i], scheduled: at[i], relError: errs[i] })),
    call: callOf(s, defaultsOf),
  };
}

import { KIND_INFOS } from '../spec';
const DEFAULTS = new Map(KIND_INFOS.map((k) => [k.kind, new Map(k.params.filter((p) => 'default' in p).map((p) => [p.name, p.default as unknown]))]));
function defaultsOf(kind: string): Map<string, unknown> {
  return DEFAULTS.get(kind) ?? new Map();
}
