// `npm start`: the Electron window where Electron's binary is installed, else browser mode on
// the default database, opened in the default browser (else the URL is printed). See start-plan.mjs.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { build as buildTargets } from './build.mjs';
import { startPlan } from './start-plan.mjs';

const root = resolve(import.meta.dirname, '..');
const plan = startPlan(root, process.execPath);

// The bundles, rebuilt only where their sources changed (an unchanged checkout starts at once):
// browser mode needs the CLI and the renderer, Electron the same two and its preload.
const targets = plan.shell === 'browser' ? ['renderer', 'cli'] : ['renderer', 'cli', 'preload'];
if (!buildTargets(targets, { ifChanged: true })) process.exit(1);
const env = { ...process.env };
if (plan.shell === 'electron') console.log('lrscope: opening the Electron window.');
else env.LRSCOPE_ANNOUNCE = "lrscope: Electron's binary is not installed here, so lrscope runs in browser mode.";
const child = spawn(plan.command, [...plan.args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
