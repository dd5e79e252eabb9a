// JSON text from logs, with limits and errors a user can act on: nesting is bounded before the
// parser sees it (flattening 10,000 levels overflowed the stack: "Maximum call stack size
// exceeded"), and a syntax error names its line and column (V8 says "position N", or nothing).
import { ImportError } from './errors';
import { parsePythonJson } from './python-json';
import { readWholeFile } from './special-files';

/** Logs nest a few levels (`{"train": {"loss": …}}`); far deeper is not a log. */
export const MAX_JSON_DEPTH = 100;

export class JsonTextError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Throws a JsonTextError at the first bracket that opens more than MAX_JSON_DEPTH levels deep. */
export function checkNesting(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) throw new JsonTextError(i, `nested more than ${MAX_JSON_DEPTH} levels deep: not a training log`);
    } else if (c === 125 || c === 93) depth--;
  }
}

/** Python's json (NaN, Infinity allowed) with bounded nesting; errors carry where they are. */
export function parseJsonText(text: string): unknown {
  checkNesting(text);
  try {
    return parsePythonJson(text);
  } catch (err) {
    const found = findJsonError(text);
    throw found ?? new JsonTextError(0, err instanceof Error ? err.message : String(err));
  }
}

/** A whole JSON file of at most `maxBytes` (`what` names it in the refusal), parsed; a syntax error names its line and column. */
export async function readJsonFile(file: string, maxBytes: number, what: string): Promise<unknown> {
  const text = await readWholeFile(file, maxBytes, what);
  try {
    return parseJsonText(text);
  } catch (err) {
    if (!(err instanceof JsonTextError)) throw err;
    const { line, column } = lineAndColumn(text, err.offset);
    throw new ImportError(file, { line }, `not valid JSON at column ${column}: ${err.reason}`);
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null', 'NaN', 'Infinity', '-Infinity'];

function shown(text: string, i: number): string {
  return i >= text.length ? 'the end of the text' : JSON.stringify(text[i]);
}

/** The first syntax error of JSON text (Python's NaN/Infinity allowed), or null if there is none. */
export function findJsonError(text: string): JsonTextError | null {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skip = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): JsonTextError | null => {
    const start = i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) return (i++, null);
      else if (c < 32) return new JsonTextError(i, 'a control character (a raw newline or tab) inside a string');
      else i++;
    }
    return new JsonTextError(start, 'a string that is never closed');
  };
  for (;;) {
    skip();
    if (state === 'after' && stack.length === 0) return i < n ? new JsonTextError(i, `unexpected ${shown(text, i)} after the end of the value`) : null;
    if (i >= n) return new JsonTextError(i, 'the text ends before the value is complete');
    const c = text[i]!;
    if (state === 'key') {
      if (c !== '"') return new JsonTextError(i, `expected a "key" in double quotes, found ${shown(text, i)}`);
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return new JsonTextError(i, `expected ':' after the key, found ${shown(text, i)}`);
      i++;
      state = 'value';
    } else if (state === 'after') {
      const open = stack[stack.length - 1];
      if (c === ',') {
        i++;
        state = open === 123 ? 'key' : 'value';
      } else if ((c === '}' && open === 123) || (c === ']' && open === 91)) {
        stack.pop();
        i++;
      } else return new JsonTextError(i, `expected ',' or '${open === 123 ? '}' : ']'}', found ${shown(text, i)}`);
    } else if (c === '{' || c === '[') {
      stack.push(c.charCodeAt(0));
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        state = 'after';
      } else state = c === '{' ? 'key' : 'value';
    } else if (c === '"') {
      const bad = string();
      if (bad) return bad;
      state = 'after';
    } else {
      const word = WORDS.find((w) => text.startsWith(w, i));
      NUMBER.lastIndex = i;
      if (word) i += word.length;
      else if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else return new JsonTextError(i, `unexpected ${shown(text, i)} where a value should be`);
      state = 'after';
    }
  }
}
