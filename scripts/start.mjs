// `npm start`: the Electron window where Electron's binary is installed, else browser mode on
// the default database (printed URL; opened as an app window when a browser can be opened).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function build(script) {
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = electronBinary();
const passThrough = process.argv.slice(2);
let child;
if (electron) {
  build('build');
  console.log('lrscope: opening the Electron window.');
  child = spawn(electron, [join(root, 'out', 'main', 'index.cjs'), ...passThrough], { cwd: root, stdio: 'inherit' });
} else {
  build('build:renderer');
  const announce = "lrscope: Electron's binary is not installed here, so lrscope runs in browser mode.";
  child = spawn(process.execPath, [join(root, 'bin', 'lrscope.mjs'), 'serve', '--open', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LRSCOPE_ANNOUNCE: announce },
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
