import { expect, it } from 'vitest';
import { exportCode } from '../../../src-shared/schedule/export/index';
import { parseSpec } from '../../../src-shared/schedule/index';
import { main } from '../main';
import { memoryIo } from '../test-io';

const io = memoryIo;

const SPEC = { kind: 'cosine_decay_restarts', learning_rate: 0.004, first_decay_steps: 500, t_mul: 2, m_mul: 0.8, alpha: 0.01 };

it('lrscope export prints what the UI copies (the same function) for every target', async () => {
  const parsed = parseSpec(SPEC);
  if (!parsed.ok) throw new Error('bad spec');
  for (const to of ['torch', 'keras', 'tf1', 'optax', 'hf'] as const) {
    const out = io();
    expect(await main(['export', '--spec', JSON.stringify(SPEC), '--to', to], out)).toBe(0);
    expect(out.stdout.join('')).toBe(exportCode(parsed.spec, to).code);
  }
});

it('lrscope export refuses an unknown target and an invalid spec, naming the reason', async () => {
  const bad = io();
  expect(await main(['export', '--spec', JSON.stringify(SPEC), '--to', 'jax'], bad)).toBe(2);
  expect(bad.stderr.join('')).toContain('--to must be one of torch, keras, tf1, optax, hf');
  const invalid = io();
  expect(await main(['export', '--spec', '{"kind":"exponential_decay","learning_rate":0.1}', '--to', 'torch'], invalid)).toBe(2);
  expect(invalid.stderr.join('')).toContain('decay_steps');
});
