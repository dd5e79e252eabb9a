import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sample, tempFolder } from '../../import/test-support';
import { openServices } from '../../services';
import { main } from '../main';
import { memoryIo } from '../test-io';
import { runEval } from './schedule-eval';

let folder: ReturnType<typeof tempFolder>;
let dbFile: string;
beforeEach(() => {
  folder = tempFolder();
  dbFile = join(folder.dir, 'cli.sqlite');
});
afterEach(() => folder.remove());

const io = memoryIo;

it('lrscope infer --json prints the fitting candidates best first, as the UI gets them; each spec evaluates with lrscope eval', async () => {
  expect(await main(['import', sample('generated/digits_mlp_sgd_tf_exponential_decay_staircase/metrics.csv'), '--db', dbFile, '--json'], io())).toBe(0);
  const out = io();
  expect(await main(['infer', '--db', dbFile, '--run', '1', '--json'], out)).toBe(0);
  const candidates = JSON.parse(out.stdout[0]!) as { spec: Record<string, unknown>; maxRelError: number; medianRelError: number; dtype: string }[];
  expect(candidates.length).toBeGreaterThan(0);
  expect(candidates[0]).toMatchObject({ spec: { kind: 'torch.StepLR', lr: 0.1, step_size: 500, gamma: 0.5 }, maxRelError: 0, medianRelError: 0, dtype: 'float64' });
  for (let i = 1; i < candidates.length; i++) expect(candidates[i].maxRelError).toBeLessThanOrEqual(1e-6);
  const evaluated = runEval(JSON.stringify(candidates.map((c) => ({ spec: c.spec, steps: [0, 499, 500, 2999] }))));
  expect(evaluated.code).toBe(0);
  for (const rates of JSON.parse(evaluated.stdout) as number[][]) expect(rates[0]).toBeCloseTo(0.1, 7);

  // The UI's call (the same service) gives the same candidates.
  const services = openServices(dbFile, 'browser');
  try {
    const ui = await services.intel.infer(1);
    expect(ui.candidates.filter((c) => c.maxRelError <= ui.threshold).map((c) => c.spec)).toEqual(candidates.map((c) => c.spec));
  } finally {
    services.close();
  }
});

it('lrscope infer exits 1 with a message when the run has no lr metric', async () => {
  expect(await main(['import', sample('lightning_csv/genrisk_gan_nan_version_0'), '--db', dbFile, '--json'], io())).toBe(0);
  const out = io();
  expect(await main(['infer', '--db', dbFile, '--run', '1', '--json'], out)).toBe(1);
  expect(out.stderr.join('')).toMatch(/run 1 .* has no learning-rate metric/);
});
