// Done-when of issue 12: on every logged-lr sample in ../shared/samples, infer (the service the
// run view and `lrscope infer` call, in its worker thread) returns a schedule whose max relative
// error over the logged steps is within the threshold (1e-6, or the log's precision), or says
// plainly that nothing fits. Each sample's expected answer is written out, so the test can fail.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importPaths } from '../import';
import { sample, tempFolder } from '../import/test-support';
import { openServices, type Services } from './index';

interface Expect { path: string; metric: string; run?: string; fits: boolean; kind?: string[]; params?: Record<string, unknown> }

const CASES: Expect[] = [
  { path: 'generated/digits_mlp_sgd_tf_exponential_decay_staircase/metrics.csv', metric: 'lr', fits: true, kind: ['torch.StepLR', 'exponential_decay'], params: { step_size: 500, gamma: 0.5, lr: 0.1 } },
  { path: 'generated/digits_mlp_adam_tf_cosine_decay/metrics.csv', metric: 'lr', fits: true, kind: ['cosine_decay'], params: { learning_rate: 0.002, decay_steps: 2500, alpha: 0.05 } },
  { path: 'generated/digits_mlp_sgd_torch_onecycle/metrics.csv', metric: 'lr', fits: true, kind: ['torch.OneCycleLR'], params: { max_lr: 0.2, total_steps: 2000, pct_start: 0.3, anneal_strategy: 'cos', div_factor: 25, final_div_factor: 10000 } },
  { path: 'lightning_csv/erav2_session13_resnet18_onecycle', metric: 'lr-SGD', fits: true, kind: ['torch.OneCycleLR'], params: { max_lr: 0.1, pct_start: 0.3 } },
  { path: 'lightning_csv/pl_wrapper_cifar10_onecycle', metric: 'lr-SGD', fits: true, kind: ['torch.OneCycleLR'], params: { total_steps: 5880, anneal_strategy: 'linear' } },
  { path: 'tensorboard/lightning_pl_wrapper_version_0', metric: 'lr-SGD', fits: true, kind: ['torch.OneCycleLR'], params: { total_steps: 5880, anneal_strategy: 'linear' } },
  { path: 'hf_trainer_state/t5_summarization_trainer_state.json', metric: 'learning_rate', fits: true, kind: ['polynomial_decay', 'torch.LinearLR'] },
  { path: 'tensorboard/hf_t5_summarization', metric: 'train/learning_rate', run: 'runs_Mar24_22-23-40', fits: true, kind: ['polynomial_decay', 'torch.LinearLR'] },
  // Warmup then linear decay, but the scheduler fell 2 steps behind early and 4 by the end
  // (steps skipped by the fp16 loss scaler): no schedule reproduces it, and infer says so.
  { path: 'hf_trainer_state/whisper_large_v2_japanese_trainer_state.json', metric: 'learning_rate', fits: false },
  { path: 'keras/brats2020_csvlogger/training.log', metric: 'lr', fits: true, kind: ['piecewise_constant'] },
];

let folder: ReturnType<typeof tempFolder>;
let services: Services;
beforeAll(() => {
  folder = tempFolder();
  services = openServices(join(folder.dir, 'infer.sqlite'), 'browser');
});
afterAll(() => {
  services.close();
  folder.remove();
});

describe('infer on every logged-lr sample', () => {
  for (const c of CASES) {
    test(`${c.path} (${c.metric})`, async () => {
      const summary = await importPaths(services, [sample(c.path)]);
      const run = summary.runs.find((r) => r.metrics.some((m) => m.name === c.metric) && (!c.run || r.name.includes(c.run)))!;
      expect(run, 'the sample has the metric').toBeDefined();
      const result = await services.intel.infer(run.id, { metric: c.metric });
      expect(result.fits, result.message ?? '').toBe(c.fits);
      if (!c.fits) {
        expect(result.message).toMatch(/^nothing fits/);
        return;
      }
      const best = result.candidates[0];
      expect(best.maxRelError).toBeLessThanOrEqual(result.threshold);
      expect(result.threshold).toBeLessThanOrEqual(Math.max(1e-6, result.precision * 1.01));
      expect(c.kind).toContain(best.spec.kind);
      for (const [k, v] of Object.entries(c.params ?? {})) expect((best.spec as Record<string, unknown>)[k], k).toEqual(v);
    });
  }
});

test('a run without a learning-rate metric is refused with the reason', async () => {
  const summary = await importPaths(services, [sample('lightning_csv/genrisk_gan_nan_version_0')]);
  await expect(services.intel.infer(summary.runs[0].id)).rejects.toThrow(/has no learning-rate metric/);
});
