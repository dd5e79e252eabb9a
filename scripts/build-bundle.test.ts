// The shipped Node bundle (scripts/build.mjs): the Electron shell's entry and the CLI (with browser
// mode's server) load the very same server and core modules, and the inference worker is bundled
// beside them so it runs in a worker thread from the bundle too. Built into a temp folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, NODE_ENTRIES } from './build.mjs';

let base: string;
let out: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'lrscope-bundle-'));
  out = join(base, 'out', 'cli');
  expect(buildNode(base)).toBe(true);
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every file a bundle file loads, itself included, following its static and dynamic imports. */
function graph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(out, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.mjs)["']/g)) graph(m[1]!, seen);
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
