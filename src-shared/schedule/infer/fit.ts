// Fitting tools: the relative errors of a spec against a log, Nelder–Mead over a family's
// continuous parameters, and snapping each parameter to the shortest decimal that still fits
// (so a fit reads 0.3, 500, 0.8 — the numbers the user wrote — not 0.30000000012).
import { compile } from '../compile';
import { evaluateAt } from '../evaluate';
import type { ScheduleSpec } from '../spec';

export function relError(scheduled: number, logged: number): number {
  if (scheduled === logged) return 0;
  const d = Math.abs(scheduled - logged);
  return logged === 0 ? (d < 1e-300 ? 0 : Infinity) : d / Math.abs(logged);
}

/** The largest relative error of `spec` at the steps (shifted by offset); NaN scheduled values are Infinity. */
export function maxError(spec: ScheduleSpec, steps: Float64Array, values: Float64Array, offset = 0): number {
  const got = evaluateAt(spec, offset ? steps.map((s) => s + offset) : steps);
  let max = 0;
  for (let i = 0; i < got.length; i++) {
    const e = Number.isNaN(got[i]) ? Infinity : relError(got[i], values[i]);
    if (!(e <= max)) max = e;
  }
  return max;
}

/** Whether every relative error is at most `limit`; stops at the first that is not. */
export function errorAtMost(spec: ScheduleSpec, steps: Float64Array, values: Float64Array, limit: number): boolean {
  const curve = compile(spec);
  const at = curve.sampler ? curve.sampler() : (s: number) => curve.at(s);
  for (let i = 0; i < steps.length; i++) {
    const g = at(steps[i]);
    if (!(relError(g, values[i]) <= limit)) return false;
  }
  return true;
}

/** The mean squared relative error (each capped at 1, so a wrong guess still has a slope to follow). */
export function meanSquared(spec: ScheduleSpec, steps: Float64Array, values: Float64Array): number {
  const curve = compile(spec);
  let sum = 0;
  for (let i = 0; i < steps.length; i++) {
    const e = relError(curve.at(steps[i]), values[i]);
    sum += e < 1 ? e * e : 1;
  }
  return sum / steps.length;
}

/** Nelder–Mead with two restarts around the best point; `scale` sets the first simplex. */
export function nelderMead(f: (x: number[]) => number, x0: number[], scale: number[], iterations = 300): { x: number[]; fx: number } {
  let best = { x: x0, fx: f(x0) };
  let sc = scale;
  for (let round = 0; round < 3; round++) {
    best = simplexRun(f, best.x, sc, (round === 0 ? iterations : iterations / 2) * x0.length);
    sc = sc.map((s) => s * 0.05);
    if (best.fx < 1e-30) break; // exact to float64: nothing left to gain
  }
  return best;
}

function simplexRun(f: (x: number[]) => number, x0: number[], scale: number[], maxEvals: number): { x: number[]; fx: number } {
  const n = x0.length;
  let pts = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + scale[i] : v)))];
  let fs = pts.map(f);
  let evals = n + 1;
  const value = (x: number[]) => { evals++; const v = f(x); return Number.isNaN(v) ? Infinity : v; };
  while (evals < maxEvals) {
    const order = fs.map((_, i) => i).sort((a, b) => fs[a] - fs[b]);
    pts = order.map((i) => pts[i]);
    fs = order.map((i) => fs[i]);
    if (fs[n] - fs[0] <= 1e-30 + 1e-15 * Math.abs(fs[0])) break;
    const centroid = x0.map((_, j) => pts.slice(0, n).reduce((s, p) => s + p[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (pts[n][j] - c));
    const xr = along(-1), fr = value(xr);
    if (fr < fs[0]) {
      const xe = along(-2), fe = value(xe);
      if (fe < fr) { pts[n] = xe; fs[n] = fe; } else { pts[n] = xr; fs[n] = fr; }
    } else if (fr < fs[n - 1]) {
      pts[n] = xr; fs[n] = fr;
    } else {
      const xc = fr < fs[n] ? along(-0.5) : along(0.5), fc = value(xc);
      if (fc < Math.min(fr, fs[n])) { pts[n] = xc; fs[n] = fc; } else {
        for (let i = 1; i <= n; i++) { pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j])); fs[i] = value(pts[i]); }
      }
    }
  }
  const i = fs.indexOf(Math.min(...fs));
  return { x: pts[i], fx: fs[i] };
}

/** The shortest decimal (fewest significant digits) near x for which `ok` holds; x itself when none does. */
export function shortestDecimal(x: number, ok: (v: number) => boolean): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  for (let d = 1; d <= 16; d++) {
    const v = Number(x.toPrecision(d));
    if (ok(v)) return v;
  }
  return x;
}

/** The integer in [lo, hi] with the most trailing zeros (then 5s): where people put boundaries. */
export function roundestInteger(lo: number, hi: number): number {
  const a = Math.ceil(lo), b = Math.floor(hi);
  if (a > b) return Math.round((lo + hi) / 2);
  for (let p = 10 ** Math.floor(Math.log10(Math.max(1, b))); p >= 1; p /= 10) {
    for (const m of [p, p / 2, p / 4]) {
      if (!Number.isInteger(m)) continue;
      const first = Math.ceil(a / m) * m;
      if (first <= b) return first;
    }
  }
  return a;
}
