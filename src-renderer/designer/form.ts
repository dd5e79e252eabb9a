// A schedule form as the user types it: text per parameter (so "0." or "1e-" can sit in a
// field mid-keystroke), checkboxes for flags, a nested form for a warmup's `after` schedule.
// toSpec() turns it into a spec input and asks the engine to validate it; every message is
// keyed by the field's path ("decay_steps", "after.decay_steps") so the form can show it
// next to the field that is wrong.
import { listKinds, parseSpec, type KindInfo, type ParamInfo, type ScheduleSpec } from '../../src-shared/schedule/index';

export interface FormState {
  kind: string;
  /** Text fields and choices by parameter name; flags as booleans. */
  values: Record<string, string | boolean>;
  /** Forms of `schedule` parameters (a warmup's `after`). */
  nested: Record<string, FormState>;
}

export type FieldErrors = Record<string, string>;

export type FormResult =
  | { ok: true; spec: ScheduleSpec; errors: FieldErrors }
  | { ok: false; errors: FieldErrors; general: string[] };

const KINDS = new Map(listKinds().map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo {
  const info = KINDS.get(kind);
  if (!info) throw new Error(`unknown schedule kind ${kind}`);
  return info;
}

/** A new form of `kind`: the kind's starting values (listKinds' `starter`), else the libraries' defaults. */
export function newForm(kind: string): FormState {
  const info = kindInfo(kind);
  const form: FormState = { kind, values: {}, nested: {} };
  for (const p of info.params) {
    if (p.type === 'schedule') {
      form.nested[p.name] = newForm('cosine_decay');
      continue;
    }
    if (p.type === 'boolean') form.values[p.name] = p.default === true;
    else if (p.starter !== undefined) form.values[p.name] = p.starter;
    else form.values[p.name] = p.default === undefined || p.default === null ? '' : String(p.default);
  }
  return form;
}

/** The form showing a stored or preset spec. */
export function formFromSpec(input: object): FormState {
  const spec = input as Record<string, unknown>;
  const kind = String(spec.kind);
  const form = newForm(kind);
  for (const p of kindInfo(kind).params) {
    if (!(p.name in spec)) continue;
    const v = spec[p.name];
    if (p.type === 'schedule' && v && typeof v === 'object') form.nested[p.name] = formFromSpec(v as Record<string, unknown>);
    else if (p.type === 'schedule[]') form.values[p.name] = JSON.stringify(v);
    else if (p.type === 'boolean') form.values[p.name] = v === true;
    else if (Array.isArray(v)) form.values[p.name] = v.join(', ');
    else form.values[p.name] = v === null || v === undefined ? '' : String(v);
  }
  return form;
}

export function cloneForm(form: FormState): FormState {
  return {
    kind: form.kind,
    values: { ...form.values },
    nested: Object.fromEntries(Object.entries(form.nested).map(([k, f]) => [k, cloneForm(f)])),
  };
}

/** Parses the text of every field, then lets the engine check the rules. */
export function toSpec(form: FormState): FormResult {
  const errors: FieldErrors = {};
  const input = readForm(form, '', errors);
  const parsed = parseSpec(input);
  if (Object.keys(errors).length === 0 && parsed.ok) return { ok: true, spec: parsed.spec, errors };
  const general: string[] = [];
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      const field = fieldOf(form, e.field);
      // A field whose text did not even parse keeps that message: it is the one to fix first.
      if (field && !(field in errors)) errors[field] = e.field === field ? e.message : `${e.field}: ${e.message}`;
      else if (!field) general.push(e.field ? `${e.field}: ${e.message}` : e.message);
    }
  }
  return { ok: false, errors, general };
}

function readForm(form: FormState, prefix: string, errors: FieldErrors): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: form.kind };
  for (const p of kindInfo(form.kind).params) {
    const path = prefix + p.name;
    if (p.type === 'schedule') {
      out[p.name] = readForm(form.nested[p.name] ?? newForm('cosine_decay'), `${path}.`, errors);
      continue;
    }
    const raw = form.values[p.name];
    if (p.type === 'boolean') { out[p.name] = raw === true; continue; }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (p.nullable) out[p.name] = null;
      else if (p.default === undefined) errors[path] = 'is required';
      continue; // the engine fills the library's default
    }
    const value = parseField(p, text);
    if (value.ok) out[p.name] = value.value;
    else errors[path] = value.message;
  }
  return out;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseNumber(text: string): number | null {
  // Number('') is 0 and Number('0x10') is 16: accept only what Python would read as a float.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) && !/^[+-]?(inf|infinity|nan)$/i.test(text)) return null;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan' || lower === '-nan') return NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

function parseField(p: ParamInfo, text: string): Parsed {
  switch (p.type) {
    case 'number':
    case 'integer': {
      const n = parseNumber(text);
      return n === null ? { ok: false, message: p.type === 'integer' ? 'must be a whole number' : 'must be a number' } : { ok: true, value: n };
    }
    case 'number[]':
    case 'integer[]': {
      const parts = text.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
      const numbers = parts.map(parseNumber);
      const bad = numbers.findIndex((n) => n === null);
      return bad >= 0 ? { ok: false, message: `“${parts[bad]}” is not a number (write e.g. 10, 20, 30)` } : { ok: true, value: numbers };
    }
    case 'choice':
      return { ok: true, value: text };
    case 'schedule[]':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, message: 'must be a JSON list of schedules' };
      }
    default:
      return { ok: true, value: text };
  }
}

/** The form field an engine message belongs to: "after.decay_steps" → itself, "schedulers[1].gamma" → "schedulers". */
function fieldOf(form: FormState, enginePath: string): string | null {
  const m = /^([A-Za-z_][\w]*)(.*)$/.exec(enginePath);
  if (!m) return null;
  const [, head, rest] = m as unknown as [string, string, string];
  const p = KINDS.get(form.kind)?.params.find((q) => q.name === head);
  if (!p) return null;
  if (p.type === 'schedule' && rest.startsWith('.')) {
    const inner = fieldOf(form.nested[head] ?? newForm('cosine_decay'), rest.slice(1));
    return inner ? `${head}.${inner}` : head;
  }
  return head;
}

/**
 * A form of `kind` that keeps the values of parameters with the same name from `old`
 * (learning_rate, decay_steps…) where they hold something: an empty field says nothing, and
 * carrying it would hide the new kind's starting value ("lr: is required" after OneCycleLR,
 * whose `lr` is empty, → CyclicLR → SequentialLR).
 */
export function formForKind(old: FormState, kind: string): FormState {
  const next = newForm(kind);
  for (const name of Object.keys(next.values)) {
    const value = old.values[name];
    if (value === undefined || typeof value !== typeof next.values[name]) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    next.values[name] = value;
  }
  return next;
}
