// JSON as Python's json module writes it: NaN, Infinity and -Infinity appear as bare words
// (allow_nan=True is its default), which JSON.parse refuses. A diverged run logs exactly those.

const NON_FINITE = /NaN|Infinity/;
// The marked strings start with U+0000, written as a JSON escape: no log writes that.
const MARK = '\u0000lrscope:';
const MARK_IN_JSON = '\\u0000lrscope:';

/** Replaces the bare words outside strings with marked strings that a reviver turns back. */
function quoteNonFinite(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === 'N' && text.startsWith('NaN', i)) {
      out += `${text.slice(from, i)}"${MARK_IN_JSON}NaN"`;
      i += 2;
      from = i + 1;
    } else if ((c === 'I' && text.startsWith('Infinity', i)) || (c === '-' && text.startsWith('-Infinity', i))) {
      const word = c === '-' ? '-Infinity' : 'Infinity';
      out += `${text.slice(from, i)}"${MARK_IN_JSON}${word}"`;
      i += word.length - 1;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
  return Number(value.slice(MARK.length));
}

export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!NON_FINITE.test(text)) throw err;
    return JSON.parse(quoteNonFinite(text), revive);
  }
}

export type Row = Map<string, unknown>;

/** Nested objects become `a/b` keys, as TensorBoard and W&B name grouped metrics. Arrays are not metrics. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Row = new Map()): Row {
  for (const key of Object.keys(value)) {
    const v = value[key];
    const name = prefix ? `${prefix}/${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, name, out);
    else out.set(name, v);
  }
  return out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
