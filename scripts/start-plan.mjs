// What `npm start` runs: the Electron window where Electron's binary is installed, else browser
// mode (`lrscope serve --open`: the default browser, else the printed URL). Pure, for the tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const realFs = { exists: existsSync, read: (path) => readFileSync(path, 'utf8') };

/**
 * Electron's binary as its npm package names it: node_modules/electron/path.txt holds the path
 * under dist/ (electron, Electron.app/Contents/MacOS/Electron, electron.exe), written once the
 * download succeeded.
 */
export function electronBinary(root, fs = realFs) {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.exists(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', fs.read(pathFile).trim());
  return fs.exists(binary) ? binary : null;
}

export function startPlan(root, nodePath, fs = realFs) {
  const electron = electronBinary(root, fs);
  if (electron) return { shell: 'electron', build: 'build', command: electron, args: [join(root, 'out', 'main', 'index.mjs')] };
  return { shell: 'browser', build: 'build:shipped', command: nodePath, args: [join(root, 'bin', 'lrscope.mjs'), 'serve', '--open'] };
}
