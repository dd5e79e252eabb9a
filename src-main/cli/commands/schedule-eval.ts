// `lrscope eval` and `lrscope events`: thin wrappers over src-shared/schedule that turn text into
// text and an exit code.
//   eval (stdin):  [{ "spec": {…}, "steps": [ints] }, …]  →  [[numbers], …] (non-finite as null)
//   eval (range):  --spec '<json>' --from A --to B [--every N]  →  [numbers] for steps A, A+N, … ≤ B
//   events:        --spec '<json>' --from A --to B  →  [{ step, kind, lrBefore, lrAfter, index }, …]
// Ranges include both ends, as `lrscope series` does. Output comes as chunks (a generator), so a
// range of 100M steps is written while it is computed, in bounded memory. --csv writes step,lr rows.
// An invalid spec or range: exit code 2, the messages on stderr, nothing on stdout.
import { acceptsNegativeSteps, parseSpec, evaluate, evaluateAt, events, type ScheduleSpec } from '../../../src-shared/schedule/index';

export interface CommandResult { stdout: string; stderr: string; code: number }

/** What a command prints: chunks of stdout (never one string of the whole output), or the usage error. */
export type Output = { chunks: Iterable<string> } | { error: string };

export type OutputFormat = 'json' | 'csv';

const USAGE = 2;

function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `${what} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function specOrError(input: unknown, prefix: string): { spec: ScheduleSpec } | { error: string } {
  const r = parseSpec(input);
  if (r.ok) return { spec: r.spec };
  return { error: r.errors.map((e) => `${prefix}${e.field ? `${e.field}: ` : ''}${e.message}`).join('\n') };
}

const json = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');
/** CSV as Python's csv/pandas and our own importer read non-finite values back. */
const csv = (x: number): string => (Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf');

/** Steps per block: 8k rates computed, formatted (~170 KB of text) and handed on at a time. */
const BLOCK = 1 << 13;

interface Job { spec: ScheduleSpec; steps: number[] }

function parseJobs(stdinText: string): { jobs: Job[] } | { error: string } {
  const parsed = parseJson(stdinText, 'stdin');
  if (!parsed.ok) return { error: parsed.error };
  if (!Array.isArray(parsed.value)) return { error: 'stdin must be a JSON array of { "spec": {…}, "steps": [ints] }' };
  const jobs: Job[] = [];
  const errors: string[] = [];
  parsed.value.forEach((item: unknown, i: number) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) { errors.push(`[${i}]: must be an object with spec and steps`); return; }
    const { spec, steps, ...rest } = item as Record<string, unknown>;
    for (const key of Object.keys(rest)) errors.push(`[${i}].${key}: unknown field`);
    const s = specOrError(spec, `[${i}].spec.`);
    if ('error' in s) errors.push(s.error);
    const lowest = 'spec' in s && acceptsNegativeSteps(s.spec) ? -Number.MAX_SAFE_INTEGER : 0;
    if (!Array.isArray(steps) || !steps.every((x) => Number.isSafeInteger(x) && x >= lowest)) errors.push(`[${i}].steps: must be a list of integers${lowest === 0 ? ` >= 0${NEGATIVE}` : ''}`);
    else if ('spec' in s) jobs.push({ spec: s.spec, steps });
  });
  return errors.length > 0 ? { error: errors.join('\n') } : { jobs };
}

function* jobChunks(jobs: Job[], format: OutputFormat): Generator<string> {
  yield format === 'csv' ? 'job,step,lr\n' : '[';
  for (let j = 0; j < jobs.length; j++) {
    const { spec, steps } = jobs[j]!;
    if (format === 'json') yield j === 0 ? '[' : ',[';
    for (let at = 0; at < steps.length; at += BLOCK) {
      const block = steps.slice(at, at + BLOCK);
      const rates = evaluateAt(spec, block);
      let text = '';
      for (let i = 0; i < rates.length; i++) {
        text += format === 'csv' ? `${j},${block[i]},${csv(rates[i]!)}\n` : `${at + i === 0 ? '' : ','}${json(rates[i]!)}`;
      }
      yield text;
    }
    if (format === 'json') yield ']';
  }
  if (format === 'json') yield ']\n';
}

/** eval with the steps listed on stdin: one list of rates per { spec, steps }. */
export function evalJobs(stdinText: string, format: OutputFormat = 'json'): Output {
  const parsed = parseJobs(stdinText);
  return 'error' in parsed ? parsed : { chunks: jobChunks(parsed.jobs, format) };
}

export interface StepRange { from: number; to: number; every: number }

/** Where the libraries take negative steps: TensorFlow's piecewise_constant (any x); the others count from 0. */
const NEGATIVE = ' (negative steps only for piecewise_constant, which TensorFlow evaluates at any step)';

function rangeError(spec: ScheduleSpec, r: StepRange): string | null {
  const negative = acceptsNegativeSteps(spec);
  const lowest = negative ? -Number.MAX_SAFE_INTEGER : 0;
  if (!Number.isSafeInteger(r.from) || !Number.isSafeInteger(r.to) || r.from < lowest || r.to < r.from) {
    return `--from and --to must be integers with ${negative ? '' : '0 <= '}from <= to, got ${r.from} and ${r.to}${negative ? '' : NEGATIVE}`;
  }
  if (!Number.isSafeInteger(r.every) || r.every < 1) return `--every must be a whole number >= 1, got ${r.every}`;
  return null;
}

function* rangeChunks(spec: ScheduleSpec, r: StepRange, format: OutputFormat): Generator<string> {
  yield format === 'csv' ? 'step,lr\n' : '[';
  const count = Math.floor((r.to - r.from) / r.every) + 1;
  const rates = new Float64Array(Math.min(BLOCK, count));
  const steps = new Float64Array(rates.length);
  for (let k = 0; k < count; k += BLOCK) {
    const n = Math.min(BLOCK, count - k);
    const first = r.from + k * r.every;
    // Consecutive steps take the engine's fast path (a float32 loop); strided ones are sampled.
    if (r.every === 1 && first >= 0) evaluate(spec, first, first + n, rates);
    else {
      for (let i = 0; i < n; i++) steps[i] = first + i * r.every;
      rates.set(evaluateAt(spec, steps.subarray(0, n)));
    }
    let text = '';
    for (let i = 0; i < n; i++) {
      text += format === 'csv' ? `${first + i * r.every},${csv(rates[i]!)}\n` : `${k + i === 0 ? '' : ','}${json(rates[i]!)}`;
    }
    yield text;
  }
  if (format === 'json') yield ']\n';
}

/** eval over a range of steps: --from A --to B (both included), every --every-th step. */
export function evalRange(specText: string, range: StepRange, format: OutputFormat = 'json'): Output {
  const parsed = parseJson(specText, '--spec');
  if (!parsed.ok) return { error: parsed.error };
  const s = specOrError(parsed.value, '');
  if ('error' in s) return s;
  const bad = rangeError(s.spec, range);
  return bad ? { error: bad } : { chunks: rangeChunks(s.spec, range, format) };
}

/** The whole output as one result (tests, small inputs). */
export function collect(output: Output): CommandResult {
  if ('error' in output) return { stdout: '', stderr: `${output.error}\n`, code: USAGE };
  let stdout = '';
  for (const chunk of output.chunks) stdout += chunk;
  return { stdout, stderr: '', code: 0 };
}

export function runEval(stdinText: string): CommandResult {
  return collect(evalJobs(stdinText));
}

/** The schedule's events at steps from..to, both included. */
export function runEvents(args: { spec: string; from: number; to: number }): CommandResult {
  const parsed = parseJson(args.spec, '--spec');
  if (!parsed.ok) return collect({ error: parsed.error });
  const s = specOrError(parsed.value, '');
  if ('error' in s) return collect(s);
  const bad = rangeError(s.spec, { from: args.from, to: args.to, every: 1 });
  if (bad) return collect({ error: bad });
  const list = events(s.spec, args.from, args.to + 1).map((e) => ({ ...e, lrBefore: finiteOrNull(e.lrBefore), lrAfter: finiteOrNull(e.lrAfter) }));
  return { stdout: `${JSON.stringify(list)}\n`, stderr: '', code: 0 };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
