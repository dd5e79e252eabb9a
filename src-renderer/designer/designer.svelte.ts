// The designer's state: up to four candidate schedules, the step range, and which candidate
// the form edits. Each candidate keeps its last valid spec, so a half-typed value never
// blanks the curve.
import type { Preset, ScheduleSpec } from '../../src-shared/schedule/index';
import { setViewSetting, settingOr } from '../lib/settings-store.svelte';
import { cloneForm, formForKind, formFromSpec, newForm, toSpec, type FieldErrors, type FormState } from './form';

export const MAX_CANDIDATES = 4;
/** Distinct from each other and from the mark colours (restart green, drop purple). */
export const CANDIDATE_COLORS = ['#e8590c', '#1c7ed6', '#0c8599', '#d6336c'] as const;
/** Beyond this a range costs more memory (8 bytes a step a candidate) than a preview deserves. */
export const MAX_RANGE_STEPS = 5_000_000;
export const DEFAULT_RANGE = { from: 0, to: 1000 };

export class Candidate {
  readonly id: number;
  name = $state('');
  color = $state<string>(CANDIDATE_COLORS[0]);
  form = $state<FormState>(newForm('exponential_decay'));
  errors = $state.raw<FieldErrors>({});
  general = $state.raw<string[]>([]);
  /** The last spec that passed validation: what the chart draws. */
  spec = $state.raw<ScheduleSpec | null>(null);
  valid = $state(false);
  /** The library entry this candidate was saved as or opened from. */
  savedId = $state<number | null>(null);
  savedJson = $state<string | null>(null);
  /** The name came from a preset or a kind, not from the user: a new kind renames it. */
  autoName = $state(true);
  readonly dirty = $derived(this.savedId !== null && this.spec !== null && JSON.stringify(this.spec) !== this.savedJson);

  constructor(id: number, name: string, form: FormState) {
    this.id = id;
    this.name = name;
    this.form = form;
    this.revalidate();
  }

  revalidate(): void {
    const result = toSpec(this.form);
    this.errors = result.errors;
    this.valid = result.ok;
    if (result.ok) {
      this.spec = result.spec;
      this.general = [];
    } else {
      this.general = result.general;
    }
  }

  /** `path` is a parameter name, or `after.decay_steps` inside a warmup's schedule. */
  setValue(path: string, value: string | boolean): void {
    const names = path.split('.');
    const form = formAt(this.form, names.slice(0, -1));
    form.values[names[names.length - 1]!] = value;
    this.revalidate();
  }

  setNestedKind(path: string, kind: string): void {
    const names = path.split('.');
    formAt(this.form, names.slice(0, -1)).nested[names[names.length - 1]!] = newForm(kind);
    this.revalidate();
  }

  rename(name: string): void {
    this.name = name;
    this.autoName = false;
  }

  markSaved(id: number, name: string): void {
    this.autoName = false;
    this.savedId = id;
    this.name = name;
    this.savedJson = this.spec ? JSON.stringify(this.spec) : null;
  }
}

function formAt(form: FormState, names: string[]): FormState {
  let f = form;
  for (const n of names) f = f.nested[n] ?? f;
  return f;
}

export type RangeResult = { ok: true; from: number; to: number } | { ok: false; field: 'from' | 'to'; message: string };

export function parseRange(fromText: string, toText: string): RangeResult {
  const from = Number(fromText.trim());
  const to = Number(toText.trim());
  if (fromText.trim() === '' || !Number.isSafeInteger(from) || from < 0) return { ok: false, field: 'from', message: 'from: must be a whole number >= 0' };
  if (toText.trim() === '' || !Number.isSafeInteger(to)) return { ok: false, field: 'to', message: 'to: must be a whole number' };
  if (to <= from) return { ok: false, field: 'to', message: 'to: must be greater than from' };
  if (to - from + 1 > MAX_RANGE_STEPS) return { ok: false, field: 'to', message: `to: at most ${MAX_RANGE_STEPS.toLocaleString('en-US')} steps in a preview` };
  return { ok: true, from, to };
}

export class Designer {
  candidates = $state<Candidate[]>([]);
  activeId = $state(0);
  fromText = $state(String(DEFAULT_RANGE.from));
  toText = $state(String(DEFAULT_RANGE.to));
  /** Remembered with the designer's settings in the database. */
  get logScale(): boolean {
    return settingOr('designer', 'logScale', false);
  }
  set logScale(on: boolean) {
    setViewSetting('designer', 'logScale', on);
  }
  /** The last valid step range (both ends included): what the chart shows. */
  range = $state.raw({ ...DEFAULT_RANGE });
  rangeError = $state.raw<RangeResult | null>(null);
  private nextId = 1;

  readonly active = $derived(this.candidates.find((c) => c.id === this.activeId) ?? this.candidates[0]);
  readonly full = $derived(this.candidates.length >= MAX_CANDIDATES);

  constructor() {
    this.replaceAll([{ name: 'exponential_decay, staircase', form: formFromSpec({ kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5, staircase: true }) }]);
  }

  setRangeText(fromText: string, toText: string): void {
    this.fromText = fromText;
    this.toText = toText;
    const r = parseRange(fromText, toText);
    if (r.ok) {
      this.range = { from: r.from, to: r.to };
      this.rangeError = null;
    } else {
      this.rangeError = r;
    }
  }

  /** Opening a preset chart replaces the candidates, as the seed article's figure shows them. */
  openPresets(presets: readonly Preset[]): void {
    this.replaceAll(presets.slice(0, MAX_CANDIDATES).map((p) => ({ name: p.name, form: formFromSpec(p.spec) })));
    this.setRangeText(String(presets[0]?.steps.from ?? 0), String(presets[0]?.steps.to ?? DEFAULT_RANGE.to));
  }

  add(kind = this.active?.form.kind ?? 'exponential_decay'): Candidate | null {
    if (this.full) return null;
    return this.push(`${kind} ${this.nextId}`, newForm(kind));
  }

  duplicate(c: Candidate): Candidate | null {
    if (this.full) return null;
    return this.push(`${c.name} (copy)`, cloneForm($state.snapshot(c.form)));
  }

  remove(c: Candidate): void {
    if (this.candidates.length <= 1) return;
    const i = this.candidates.indexOf(c);
    this.candidates = this.candidates.filter((x) => x !== c);
    if (this.activeId === c.id) this.activeId = this.candidates[Math.max(0, i - 1)]!.id;
  }

  /** A new kind keeps the values of parameters with the same name (learning_rate, decay_steps…). */
  setKind(c: Candidate, kind: string): void {
    c.form = formForKind(c.form, kind);
    c.revalidate();
    if (c.autoName) c.name = `${kind} ${c.id}`;
  }

  /** Shows a library schedule: in the candidate that already holds it, else a new one, else the active one. */
  openSaved(id: number, name: string, spec: Record<string, unknown>): Candidate {
    let c = this.candidates.find((x) => x.savedId === id);
    if (!c) c = this.full ? this.active : this.push(name, formFromSpec(spec));
    c.form = formFromSpec(spec);
    c.revalidate();
    c.markSaved(id, name);
    this.activeId = c.id;
    return c;
  }

  private push(name: string, form: FormState): Candidate {
    const used = this.candidates.map((c) => c.color);
    const c = new Candidate(this.nextId++, name, form);
    c.color = CANDIDATE_COLORS.find((col) => !used.includes(col)) ?? CANDIDATE_COLORS[0];
    this.candidates = [...this.candidates, c];
    this.activeId = c.id;
    return c;
  }

  private replaceAll(items: { name: string; form: FormState }[]): void {
    this.candidates = [];
    for (const item of items) this.push(item.name, item.form);
    this.activeId = this.candidates[0]?.id ?? 0;
  }
}
