// The runs list filter: a case-insensitive regular expression over the run's name and tags
// (`sgd.*cos`, `^digits`, `onecycle|cosine`); text that is not a valid expression (`lr=(0.1`)
// is matched as plain text, and the list says so.
import type { RunSummary } from '../../src-shared/api/types';
import { configTerm, matchesConfig } from '../config/config-filter';

export interface RunFilter {
  matches: (run: Pick<RunSummary, 'name' | 'tags' | 'params'>) => boolean;
  /** The text is not a valid regular expression and is matched as plain text. */
  plainText: boolean;
}

export function runFilter(text: string): RunFilter {
  const needle = text.trim();
  if (!needle) return { matches: () => true, plainText: false };
  // `key=value` also finds runs by a configuration value (config/config-filter.ts).
  const term = configTerm(needle);
  if (term) {
    const byText = textFilter(needle);
    return { matches: (r) => matchesConfig(r.params, term) || byText.matches(r), plainText: byText.plainText };
  }
  return textFilter(needle);
}

function textFilter(needle: string): RunFilter {
  const re = regex(needle);
  if (re) return { matches: (r) => re.test(r.name) || r.tags.some((t) => re.test(t)), plainText: false };
  const lower = needle.toLowerCase();
  return { matches: (r) => r.name.toLowerCase().includes(lower) || r.tags.some((t) => t.toLowerCase().includes(lower)), plainText: true };
}

function regex(text: string): RegExp | null {
  try {
    return new RegExp(text, 'i');
  } catch {
    return null;
  }
}
