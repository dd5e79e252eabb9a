// The shipped Node bundle (scripts/build.mjs): the Electron shell's entry and the CLI (with browser
// mode's server) load the very same server and core modules, and the inference and CSV parse workers
// are bundled beside them so they run in worker threads from the bundle too. Built into a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, NODE_ENTRIES } from './build.mjs';

let base: string;
let out: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'lrscope-bundle-'));
  out = join(base, 'out', 'cli');
  expect(buildNode(base)).toBe(true);
  // The temp folder as an installed app: better-sqlite3 (external) and the migrations beside the bundle.
  const root = resolve(import.meta.dirname, '..');
  for (const name of ['node_modules', 'db', 'package.json']) symlinkSync(join(root, name), join(base, name));
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Runs the bundled CLI (out/cli/main.mjs, as bin/lrscope.mjs does) with `args`; node options first. */
function runCli(args: string[], nodeOptions: string[] = [], env: Record<string, string> = {}) {
  const script = `const { main } = await import(${JSON.stringify(join(out, 'main.mjs'))}); process.exitCode = await main(process.argv.slice(1));`;
  return spawnSync(process.execPath, [...nodeOptions, '--input-type=module', '-e', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** Every file a bundle file loads, itself included, following its static and dynamic imports. */
function graph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(out, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.mjs)["']/g)) graph(m[1]!, seen);
  return seen;
}

/** The files a bundle file loads as soon as it is evaluated: its static imports only (`import … from`, not `import()`). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(out, file), 'utf8');
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.mjs)["']/g)) staticGraph(m[1]!, seen);
  return seen;
}

/** The bundle files whose code declares the named function (esbuild's --keep-names records it). */
function declaring(name: string): string[] {
  return readdirSync(out).filter((f) => readFileSync(join(out, f), 'utf8').includes(`"${name}")`));
}

describe('one Node bundle for both shells', () => {
  it('builds the CLI, the Electron main process and the inference worker as entries', () => {
    const files = readdirSync(out);
    for (const name of Object.keys(NODE_ENTRIES)) expect(files).toContain(`${name}.mjs`);
    expect(readFileSync(join(base, 'out', 'main', 'index.mjs'), 'utf8')).toContain("import '../cli/electron-main.mjs';");
  });

  it.each(['openServices', 'createHandlers', 'dispatch', 'openDatabase', 'inferInWorker'])('%s is in one file, loaded by both the CLI and the Electron entry', (name) => {
    const files = declaring(name);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^chunk-/);
    expect(graph('main.mjs')).toContain(files[0]);
    expect(graph('electron-main.mjs')).toContain(files[0]);
  });

  it('carries the importers\' protobuf schemas beside the chunks that read them', () => {
    const files = readdirSync(out);
    const read = new Set(files.flatMap((f) => [...readFileSync(join(out, f), 'utf8').matchAll(/new URL\(\s*["']\.\/([\w-]+\.proto)["']/g)].map((m) => m[1]!)));
    expect([...read].sort()).toEqual(['event.proto', 'hparams.proto', 'record.proto']);
    for (const name of read) expect(files).toContain(name);
  });

  it('leaves electron to the shell: only the Electron entry imports it', () => {
    const importers = readdirSync(out).filter((f) => /from\s*["']electron["']/.test(readFileSync(join(out, f), 'utf8')));
    expect(importers).toEqual(['electron-main.mjs']);
  });

  it('runs the bundled inference worker in a worker thread, beside the code that starts it', async () => {
    const starter = declaring('inferInWorker')[0]!;
    expect(readFileSync(join(out, starter), 'utf8')).toContain('"./infer-worker.mjs"');
    // torch.StepLR(lr=0.1, step_size=30, gamma=0.1) logged at every step 0..99.
    const steps = Float64Array.from({ length: 100 }, (_, i) => i);
    const values = steps.map((s) => 0.1 * 0.1 ** Math.floor(s / 30));
    const worker = new Worker(join(out, 'infer-worker.mjs'), { workerData: { steps, values, options: {} } });
    const result = await new Promise<{ candidates: { spec: { kind: string } }[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result.candidates.length).toBeGreaterThan(0);
    expect(['torch.StepLR', 'exponential_decay', 'torch.MultiStepLR', 'piecewise_constant']).toContain(result.candidates[0]!.spec.kind);
  });
});

describe('the bundled CSV parse worker', () => {
  it('parses a big CSV beside the bundled import, in a thread of its own, with the points a read without it gives', () => {
    const starter = declaring('CsvPrefetch')[0]!;
    expect(readFileSync(join(out, starter), 'utf8')).toContain('"./csv-worker.mjs"');
    const dir = mkdtempSync(join(tmpdir(), 'lrscope-csv-worker-'));
    try {
      const rows = Array.from({ length: 400_000 }, (_, i) => `${i},${Math.exp(-i / 1e5)},${1e-3 * Math.cos(i / 1e5)}`);
      const csv = join(dir, 'big.csv');
      writeFileSync(csv, `step,loss,lr\n${rows.join('\n')}\n`);
      // --cpu-prof writes a profile per thread: the worker's shows it ran the bundled csv-worker.mjs.
      const profiles = join(dir, 'profiles');
      const r = runCli(['import', csv, '--db', join(dir, 'db.sqlite'), '--json'], ['--cpu-prof', `--cpu-prof-dir=${profiles}`], { LRSCOPE_CSV_WORKER: 'wait' });
      expect(r.stderr).toBe('');
      const run = (JSON.parse(r.stdout) as { runs: { metrics: { name: string; points: number }[] }[] }).runs[0]!;
      expect(run.metrics.map((m) => [m.name, m.points])).toEqual([['loss', 400_000], ['lr', 400_000]]);
      const threads = readdirSync(profiles).map((f) => readFileSync(join(profiles, f), 'utf8'));
      expect(threads).toHaveLength(2);
      expect(threads.filter((t) => t.includes('csv-worker.mjs'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('`lrscope import` loads only what a CSV import needs, `lrscope info` only the database (issue 15: whole-process start-up)', () => {
  // What each heavy piece leaves in the bundle's text: a name kept by --keep-names or a string of its own.
  const heavy = {
    zod: 'ZodError',
    yaml: 'yaml.alias',
    protobufjs: 'invalid wire type',
    'the schedule engine': '"evaluateAt")',
    'the watcher': '"WatchService")',
    'the other services': '"openServices")',
  };
  const inFiles = (files: Iterable<string>, marker: string) => [...files].filter((f) => readFileSync(join(out, f), 'utf8').includes(marker));

  const cases = ['importCommand', 'infoCommand'].flatMap((command) => Object.entries(heavy).map(([piece, marker]) => [command, piece, marker] as const));
  it.each(cases)('%s: %s is in the bundle but not among the command\'s static imports', (command, _, marker) => {
    const files = declaring(command);
    expect(files).toHaveLength(1);
    expect(inFiles(graph('main.mjs'), marker).length).toBeGreaterThan(0); // the marker finds it where it is
    expect(inFiles(staticGraph(files[0]!), marker)).toEqual([]);
  });

  it('reads the lazily loaded formats and config files from the bundle: a TensorBoard log, a Lightning CSV with its hparams.yaml, a W&B run', () => {
    const root = resolve(import.meta.dirname, '..');
    const samples = join(root, '..', 'shared', 'samples');
    const db = join(base, 'import.sqlite');
    const paths = ['tensorboard/hf_t5_summarization', 'lightning_csv/erav2_session13_resnet18_onecycle', 'wandb'].map((p) => join(samples, p));
    const r = runCli(['import', ...paths, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as { runs: { format: string; metrics: { name: string; points: number }[] }[] };
    const points = (format: string, metric: string) => summary.runs.find((run) => run.format === format)?.metrics.find((m) => m.name === metric)?.points;
    expect(summary.runs.map((run) => run.format).sort()).toEqual(['lightning-csv', 'tensorboard', 'wandb']);
    expect(points('tensorboard', 'train/loss')).toBe(430);
    expect(points('lightning-csv', 'lr-SGD')).toBe(55);
    expect(points('wandb', 'lr')).toBe(1750);
  });
});
