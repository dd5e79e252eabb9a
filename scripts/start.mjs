// `npm start`: the Electron window where Electron's binary is installed, else browser mode on
// the default database, opened in the default browser (else the URL is printed). See start-plan.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build as buildTargets } from './build.mjs';
import { startPlan } from './start-plan.mjs';

const root = resolve(import.meta.dirname, '..');
const plan = startPlan(root, process.execPath);

function build(script) {
  // npm is npm.cmd on Windows, which Node spawns only through a shell.
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Browser mode: the bundled CLI and the renderer, rebuilt only where their sources changed (an
// unchanged checkout starts at once); the Electron build is electron-vite's.
if (plan.shell === 'browser') {
  if (!buildTargets(['renderer', 'cli'], { ifChanged: true })) process.exit(1);
} else {
  build(plan.build);
}
const env = { ...process.env };
if (plan.shell === 'electron') console.log('lrscope: opening the Electron window.');
else env.LRSCOPE_ANNOUNCE = "lrscope: Electron's binary is not installed here, so lrscope runs in browser mode.";
const child = spawn(plan.command, [...plan.args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
