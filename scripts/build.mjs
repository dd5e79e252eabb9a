// The shipped build, one for every shell. The Node side is bundled once by esbuild into out/cli:
// the CLI (main.mjs, which browser mode's server is part of), the Electron shell's main process
// (electron-main.mjs), the schedule-inference worker (infer-worker.mjs) and the CSV parse worker
// (csv-worker.mjs), as entries over shared
// chunks, so both shells load the very same server and core modules. out/main/index.mjs is the
// Electron entry package.json names: it only imports electron-main.mjs. The sandboxed preload is
// bundled as CommonJS (out/preload/index.cjs) and the renderer is built by Vite (out/renderer),
// the same bundle browser mode serves. Electron's binary is not needed to build (only to run).
// `npm install` builds all (postinstall); `npm start`, `npm run serve` and the e2e tests rebuild a
// target only when its sources changed, so an unchanged checkout starts without a build.
// bin/lrscope.mjs runs the bundle when it is fresh, else the TypeScript through tsx (development:
// an edited source is never run stale).
//   node scripts/build.mjs [cli] [preload] [renderer] [--if-changed]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fingerprint, isFresh, SOURCES, writeStamp } from './fresh.mjs';

// The freshness check lives in fresh.mjs (bin/lrscope.mjs loads only it); re-exported for callers.
export { fingerprint, isFresh, writeStamp };

const root = resolve(import.meta.dirname, '..');
const esbuild = join(root, 'node_modules', 'esbuild', 'bin', 'esbuild');

/** The Node side's entries: output name (in out/cli) → source. */
export const NODE_ENTRIES = {
  main: 'src-main/cli/main.ts',
  'electron-main': 'src-main/electron/main.ts',
  'infer-worker': 'src-main/services/infer-thread.ts',
  'csv-worker': 'src-main/import/csv-thread.ts',
};

/**
 * The Electron entry package.json names. An ES module with a static import: Electron evaluates an
 * ES entry's static imports before it emits 'ready', which the main process needs (protocol
 * privileges and the sandbox are set before ready; a dynamic import() from a CommonJS entry would
 * not be waited for; https://electronjs.org/docs/latest/tutorial/esm, "You must use await
 * generously before the app's ready event": static imports are not affected, dynamic ones are).
 */
const ELECTRON_STUB = `// Built by scripts/build.mjs: the Electron shell's main process is out/cli/electron-main.mjs,
// an entry of the same bundle as the CLI and browser mode's server.
import '../cli/electron-main.mjs';
`;

/** Bundles the Node side into `base`/out/cli (and the Electron stub into `base`/out/main). */
export function buildNode(base = root) {
  const outdir = join(base, 'out', 'cli');
  rmSync(outdir, { recursive: true, force: true }); // no chunk of an older build left
  const ok = run(esbuild, [
    ...Object.entries(NODE_ENTRIES).map(([name, source]) => `${name}=${source}`),
    '--bundle', '--splitting', '--platform=node', '--format=esm', '--target=node20',
    `--outdir=${outdir}`, '--out-extension:.js=.mjs', '--chunk-names=chunk-[hash]', '--log-level=warning',
    // Smaller to parse at every start; names kept for error messages and class checks.
    '--minify', '--keep-names',
    // better-sqlite3 loads a native addon: it stays in node_modules, required at run time; electron
    // is the shell's own module.
    '--external:better-sqlite3', '--external:electron',
    // Bundled CommonJS dependencies (protobufjs, crc-32) call require(): give the ES modules one.
    "--banner:js=import { createRequire as __lrscopeCreateRequire } from 'node:module'; const require = __lrscopeCreateRequire(import.meta.url);",
  ]);
  if (!ok) return false;
  copyProtoSchemas(outdir);
  rmSync(join(base, 'out', 'main'), { recursive: true, force: true }); // an older build's index.cjs
  mkdirSync(join(base, 'out', 'main'), { recursive: true });
  writeFileSync(join(base, 'out', 'main', 'index.mjs'), ELECTRON_STUB);
  return true;
}

/**
 * The importers' protobuf schemas (the .proto files under src-main/import) are read at run time from beside
 * the module that reads them (new URL('./x.proto', import.meta.url)); in the bundle that module is
 * a chunk in out/cli, so they are copied there. Their names must differ (the folder is flat).
 */
function copyProtoSchemas(outdir) {
  const dir = join(root, 'src-main', 'import');
  const seen = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.proto')) continue;
    const from = join(entry.parentPath, entry.name);
    if (seen.has(entry.name)) throw new Error(`two schemas named ${entry.name}: ${seen.get(entry.name)} and ${from}`);
    seen.set(entry.name, from);
    copyFileSync(from, join(outdir, entry.name));
  }
}

export const TARGETS = {
  cli: {
    ...SOURCES.cli,
    build: () => buildNode(),
  },
  preload: {
    ...SOURCES.preload,
    // A sandboxed preload can require only 'electron': everything else is bundled in.
    build: () =>
      run(esbuild, [
        'src-main/electron/preload.ts', '--bundle', '--platform=node', '--format=cjs', '--target=node20',
        '--external:electron', '--outfile=out/preload/index.cjs', '--log-level=warning', '--minify', '--keep-names',
      ]),
  },
  renderer: {
    ...SOURCES.renderer,
    build: () => run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn']),
  },
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
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
