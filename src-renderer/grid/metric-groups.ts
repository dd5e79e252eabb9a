// How the metric grid sorts a run's metrics into sections, the way TensorBoard's Time Series
// dashboard does: by the part of the name before the first "/" (train/loss → train), and, for the
// underscore habit of Keras, Lightning and Hugging Face (val_loss, eval_wer, train_loss_step), by a
// known split word before the first "_". Pinned charts gather in a section of their own on top.

/** Split words that name a section when they start a name followed by "_" (eval_loss → eval). */
const UNDERSCORE_SECTIONS = new Set(['train', 'training', 'val', 'valid', 'validation', 'eval', 'test', 'lr', 'epoch']);

export const PINNED = 'Pinned';
export const UNGROUPED = 'Other';

export function sectionOf(metric: string): string {
  const slash = metric.indexOf('/');
  if (slash > 0) return metric.slice(0, slash);
  const under = metric.indexOf('_');
  if (under > 0) {
    const head = metric.slice(0, under);
    if (UNDERSCORE_SECTIONS.has(head.toLowerCase())) return head;
  }
  return UNGROUPED;
}

export type TagFilter = { ok: true; test: (name: string) => boolean } | { ok: false; error: string };

/** TensorBoard's tag filter: a regular expression, case-insensitive; empty matches every metric. */
export function tagFilter(pattern: string): TagFilter {
  const text = pattern.trim();
  if (!text) return { ok: true, test: () => true };
  try {
    const re = new RegExp(text, 'i');
    return { ok: true, test: (name) => re.test(name) };
  } catch (err) {
    return { ok: false, error: `Not a regular expression: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export interface Section {
  name: string;
  metrics: string[];
}

/**
 * The sections to draw: pinned metrics first (in pin order), then each section in the order its
 * first metric appears, metrics sorted by name inside it. A filter that matches nothing in a
 * section drops the section; pinned charts stay whatever the filter says (they were chosen).
 */
export function sections(metrics: readonly string[], filter: (name: string) => boolean, pinned: readonly string[]): Section[] {
  const present = new Set(metrics);
  const pins = pinned.filter((m) => present.has(m));
  const pinSet = new Set(pins);
  const bySection = new Map<string, string[]>();
  for (const m of metrics) {
    if (pinSet.has(m) || !filter(m)) continue;
    const name = sectionOf(m);
    const list = bySection.get(name) ?? [];
    list.push(m);
    bySection.set(name, list);
  }
  const out: Section[] = pins.length ? [{ name: PINNED, metrics: pins }] : [];
  const named = [...bySection.entries()].filter(([n]) => n !== UNGROUPED);
  for (const [name, list] of named) out.push({ name, metrics: [...list].sort(byName) });
  const rest = bySection.get(UNGROUPED);
  if (rest) out.push({ name: UNGROUPED, metrics: [...rest].sort(byName) });
  return out;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
