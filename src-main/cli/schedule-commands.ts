// `lrscope eval` and `lrscope events`: thin wrappers over src-shared/schedule. The lead wires
// them into the CLI; these functions only turn text into text and an exit code.
//   eval:   stdin  [{ "spec": {…}, "steps": [ints] }, …]  →  stdout [[numbers], …] (non-finite as null)
//   events: --spec '<json>' --from A --to B             →  stdout [{ step, kind, lrBefore, lrAfter, index }, …]
// An invalid spec: exit code 2, the validation messages on stderr, nothing on stdout.
import { parseSpec, evaluateAt, events, type ScheduleSpec } from '../../src-shared/schedule/index';

export interface CommandResult { stdout: string; stderr: string; code: number }

const USAGE = 2;
const fail = (message: string): CommandResult => ({ stdout: '', stderr: `${message}\n`, code: USAGE });

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

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function runEval(stdinText: string): CommandResult {
  const parsed = parseJson(stdinText, 'stdin');
  if (!parsed.ok) return fail(parsed.error);
  if (!Array.isArray(parsed.value)) return fail('stdin must be a JSON array of { "spec": {…}, "steps": [ints] }');
  const jobs: { spec: ScheduleSpec; steps: number[] }[] = [];
  const errors: string[] = [];
  parsed.value.forEach((item: unknown, i: number) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) { errors.push(`[${i}]: must be an object with spec and steps`); return; }
    const { spec, steps, ...rest } = item as Record<string, unknown>;
    for (const key of Object.keys(rest)) errors.push(`[${i}].${key}: unknown field`);
    const s = specOrError(spec, `[${i}].spec.`);
    if ('error' in s) errors.push(s.error);
    if (!Array.isArray(steps) || !steps.every((x) => Number.isSafeInteger(x) && x >= 0)) errors.push(`[${i}].steps: must be a list of integers >= 0`);
    else if ('spec' in s) jobs.push({ spec: s.spec, steps });
  });
  if (errors.length > 0) return fail(errors.join('\n'));
  const result = jobs.map((j) => Array.from(evaluateAt(j.spec, j.steps), finiteOrNull));
  return { stdout: `${JSON.stringify(result)}\n`, stderr: '', code: 0 };
}

export function runEvents(args: { spec: string; from: number; to: number }): CommandResult {
  const parsed = parseJson(args.spec, '--spec');
  if (!parsed.ok) return fail(parsed.error);
  const s = specOrError(parsed.value, '');
  if ('error' in s) return fail(s.error);
  if (!Number.isSafeInteger(args.from) || !Number.isSafeInteger(args.to) || args.from < 0 || args.to < args.from) {
    return fail(`--from and --to must be integers with 0 <= from <= to, got ${args.from} and ${args.to}`);
  }
  const list = events(s.spec, args.from, args.to).map((e) => ({ ...e, lrBefore: finiteOrNull(e.lrBefore), lrAfter: finiteOrNull(e.lrAfter) }));
  return { stdout: `${JSON.stringify(list)}\n`, stderr: '', code: 0 };
}
