// The shipped build: the CLI (and browser mode's server) bundled by esbuild into out/cli/main.mjs,
// the renderer built by Vite into out/renderer. `npm install` builds both (postinstall); `npm start`,
// `npm run serve` and the e2e tests rebuild a target only when its sources changed, so an unchanged
// checkout starts without a build. bin/lrscope.mjs runs the bundle when it is fresh, else the
// TypeScript through tsx (development: an edited source is never run stale).
//   node scripts/build.mjs [cli] [renderer] [--if-changed]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const always = ['package-lock.json', 'scripts/build.mjs'];

export const TARGETS = {
  cli: {
    sources: ['src-main', 'src-shared', ...always],
    output: 'out/cli/main.mjs',
    build: () =>
      run(join(root, 'node_modules', 'esbuild', 'bin', 'esbuild'), [
        'src-main/cli/main.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20',
        // better-sqlite3 loads a native addon: it stays in node_modules, required at run time.
        '--external:better-sqlite3', '--outfile=out/cli/main.mjs', '--log-level=warning',
        // Bundled CommonJS dependencies (protobufjs, crc-32) call require(): give the ES module one.
        "--banner:js=import { createRequire as __lrscopeCreateRequire } from 'node:module'; const require = __lrscopeCreateRequire(import.meta.url);",
      ]),
  },
  renderer: {
    sources: ['src-renderer', 'src-shared', 'src-main/server/security.ts', ...always],
    output: 'out/renderer/index.html',
    build: () => run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn']),
  },
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function files(base, path, out) {
  const full = join(base, path);
  if (!existsSync(full)) return out;
  const info = statSync(full);
  if (!info.isDirectory()) {
    out.push(`${path}\t${info.size}\t${info.mtimeMs}`);
    return out;
  }
  for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.test\.ts$/.test(entry.name)) continue; // tests are not in the bundle
    const file = join(entry.parentPath, entry.name);
    const s = statSync(file);
    out.push(`${relative(base, file)}\t${s.size}\t${s.mtimeMs}`);
  }
  return out;
}

/** Names, sizes and modification times of a target's sources: changes when any source does. */
export function fingerprint(name, base = root) {
  const list = TARGETS[name].sources.flatMap((p) => files(base, p, [])).sort();
  return createHash('sha256').update(list.join('\n')).digest('hex');
}

const stampFile = (name, base) => join(base, 'out', '.stamps', `${name}.json`);

/** Whether the target's output was built from its sources as they are now. */
export function isFresh(name, base = root) {
  if (!existsSync(join(base, TARGETS[name].output)) || !existsSync(stampFile(name, base))) return false;
  return JSON.parse(readFileSync(stampFile(name, base), 'utf8')).fingerprint === fingerprint(name, base);
}

/** Records that the target's output was built from sources with this fingerprint. */
export function writeStamp(name, print, base = root) {
  mkdirSync(join(base, 'out', '.stamps'), { recursive: true });
  writeFileSync(stampFile(name, base), JSON.stringify({ fingerprint: print, builtAt: new Date().toISOString() }));
}

/** Builds the targets (only the changed ones with ifChanged); false when a build failed. */
export function build(names, { ifChanged = false } = {}) {
  for (const name of names) {
    if (ifChanged && isFresh(name)) continue;
    const before = fingerprint(name);
    if (!TARGETS[name].build()) return false;
    writeStamp(name, before);
  }
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(n in TARGETS));
  if (unknown.length) {
    console.error(`build: unknown target ${unknown.join(', ')} (targets: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
  process.exit(build(names.length ? names : Object.keys(TARGETS), { ifChanged: args.includes('--if-changed') }) ? 0 : 1);
}
