// Whether a shipped bundle was built from the sources as they are: what bin/lrscope.mjs asks at
// every start, so it loads nothing but node:fs and node:path (scripts/build.mjs's node:child_process
// and node:crypto cost ~30 ms of a CLI start; issue 15). scripts/build.mjs writes the stamps.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const always = ['package-lock.json', 'scripts/build.mjs', 'scripts/fresh.mjs'];

/** Each target's sources (files or folders) and the output its build writes last. */
export const SOURCES = {
  cli: { sources: ['src-main', 'src-shared', ...always], output: 'out/cli/main.mjs' },
  preload: { sources: ['src-main/electron/preload.ts', 'src-shared', ...always], output: 'out/preload/index.cjs' },
  renderer: { sources: ['src-renderer', 'src-shared', 'src-main/server/security.ts', ...always], output: 'out/renderer/index.html' },
};

function files(base, path, out) {
  const full = join(base, path);
  const info = statSync(full, { throwIfNoEntry: false });
  if (!info) return out;
  if (!info.isDirectory()) {
    out.push(`${path}\t${info.size}\t${info.mtimeMs}`);
    return out;
  }
  const skip = base.length + 1; // paths relative to base, by slicing (path.relative costs ~10 ms here)
  for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue; // tests are not in the bundle
    const file = join(entry.parentPath, entry.name);
    const s = statSync(file);
    out.push(`${file.slice(skip)}\t${s.size}\t${s.mtimeMs}`);
  }
  return out;
}

/** Two 32-bit FNV-1a hashes (different offsets) of the text, as hex: a change detector, not a checksum against tampering. */
function hash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}

/** Names, sizes and modification times of a target's sources: changes when any source does. */
export function fingerprint(name, base = root) {
  const list = SOURCES[name].sources.flatMap((p) => files(base, p, [])).sort();
  return hash(list.join('\n'));
}

const stampFile = (name, base) => join(base, 'out', '.stamps', `${name}.json`);

/** Whether the target's output was built from its sources as they are now. */
export function isFresh(name, base = root) {
  if (!existsSync(join(base, SOURCES[name].output)) || !existsSync(stampFile(name, base))) return false;
  return JSON.parse(readFileSync(stampFile(name, base), 'utf8')).fingerprint === fingerprint(name, base);
}

/** Records that the target's output was built from sources with this fingerprint. */
export function writeStamp(name, print, base = root) {
  mkdirSync(join(base, 'out', '.stamps'), { recursive: true });
  writeFileSync(stampFile(name, base), JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString() }));
}
