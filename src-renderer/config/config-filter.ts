// Filtering runs by a configuration value: `lr=0.002`, `optimizer=SGD`, `max_lr=0.2`. The key is
// matched whole or as the last part of a dotted key (max_lr finds schedule.params.max_lr), case
// aside; the value as text (case aside) or as a number (0.1 finds 0.10 and 1e-1).

export interface ConfigTerm {
  key: string;
  value: string;
}

/** `key=value` (spaces around `=` allowed); null for text that is not one. */
export function configTerm(text: string): ConfigTerm | null {
  const m = /^\s*([\w.\-/]+)\s*=\s*(.*?)\s*$/.exec(text);
  return m ? { key: m[1]!.toLowerCase(), value: m[2]! } : null;
}

function sameValue(stored: string, wanted: string): boolean {
  if (stored.toLowerCase() === wanted.toLowerCase()) return true;
  const a = Number(stored);
  const b = Number(wanted);
  return stored.trim() !== '' && wanted.trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && a === b;
}

export function matchesConfig(params: Record<string, string> | undefined, term: ConfigTerm): boolean {
  if (!params) return false;
  for (const [k, v] of Object.entries(params)) {
    const key = k.toLowerCase();
    if ((key === term.key || key.endsWith(`.${term.key}`) || key.endsWith(`/${term.key}`)) && sameValue(v, term.value)) return true;
  }
  return false;
}
