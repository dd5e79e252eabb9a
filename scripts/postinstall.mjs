// After `npm install`: fetch Electron's binary where the network allows it, and give
// better-sqlite3 a second build for Electron's ABI. Neither step may fail the install:
// on machines that cannot reach Electron's download host lrscope runs in browser mode.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const nativeOut = join(root, 'native', 'electron', 'better_sqlite3.node');

function say(line) {
  console.log(`lrscope postinstall: ${line}`);
}

function run(cmd, args, options) {
  return spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...options });
}

function electronBinaryPresent() {
  return existsSync(join(electronDir, 'path.txt'));
}

function fetchElectron() {
  if (!existsSync(electronDir)) return false;
  if (electronBinaryPresent()) return true;
  // electron's own install script is denied in package.json's allowScripts so that a failed
  // download cannot fail `npm install`; we run the same script here and tolerate failure.
  const result = run(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, timeout: 120_000 });
  return result.status === 0 && electronBinaryPresent();
}

function buildSqliteForElectron() {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const work = join(tmpdir(), `lrscope-bsqlite-electron-${process.pid}`);
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  // npm tells its lifecycle scripts where its own node-gyp is; else the registry's.
  const gyp = process.env.npm_config_node_gyp;
  const gypCmd = gyp && existsSync(gyp) ? [process.execPath, gyp] : ['npx', '--yes', 'node-gyp'];
  // A machine-wide `nodedir` (set here to build against Node's own headers) would point node-gyp
  // at Node's headers instead of Electron's: leave it out for this build.
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  const result = run(gypCmd[0], [...gypCmd.slice(1), 'rebuild', '--release', `--target=${version}`,
    '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, env });
  if (result.status !== 0) {
    say(`could not build better-sqlite3 for Electron ${version}; the Electron shell will not open the database.`);
    say((result.stderr || '').split('\n').slice(-5).join('\n'));
    return;
  }
  mkdirSync(join(root, 'native', 'electron'), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), nativeOut);
  rmSync(work, { recursive: true, force: true });
  say(`built better-sqlite3 for Electron ${version} at native/electron/better_sqlite3.node.`);
}

if (fetchElectron()) {
  say('Electron is installed; `npm start` opens the desktop window.');
  if (!existsSync(nativeOut)) buildSqliteForElectron();
} else {
  say("Electron's binary could not be downloaded here; `npm start` will serve lrscope in browser mode.");
}

// The shipped build (scripts/build.mjs): the bundled CLI and the renderer, so that the first
// `npm start` and every `lrscope` call run compiled JavaScript. A failed build does not fail the
// install: bin/lrscope.mjs then runs the TypeScript sources through tsx.
const built = run(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
say(built.status === 0 ? 'built out/cli/main.mjs and out/renderer.' : 'the build failed (see above); lrscope runs from the TypeScript sources meanwhile.');
