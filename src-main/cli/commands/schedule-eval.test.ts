import { describe, expect, test } from 'vitest';
import { runEval, runEvents } from './schedule-eval';

describe('lrscope eval', () => {
  test('a JSON array of rates per spec; TF float32 values, PyTorch float64', () => {
    const r = runEval(JSON.stringify([
      { spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 3, decay_rate: 0.96, staircase: true }, steps: [0, 2, 3, 100] },
      { spec: { kind: 'torch.StepLR', lr: 0.1, step_size: 2, gamma: 0.5 }, steps: [0, 2, 4] },
    ]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as number[][];
    expect(out[0].slice(0, 3)).toEqual([Math.fround(0.1), Math.fround(0.1), Math.fround(Math.fround(0.1) * Math.fround(0.96))]);
    expect(out[1]).toEqual([0.1, 0.05, 0.025]);
  });
  test('non-finite values are null (OneCycleLR past total_steps)', () => {
    const r = runEval('[{"spec":{"kind":"torch.OneCycleLR","max_lr":0.1,"total_steps":10},"steps":[10,11]}]');
    expect(JSON.parse(r.stdout)[0][1]).toBeNull();
  });
  test('an invalid spec: exit code 2, the validation message on stderr, nothing on stdout', () => {
    const r = runEval('[{"spec":{"kind":"exponential_decay","learning_rate":0.1,"decay_steps":0,"decay_rate":0.9},"steps":[1]}]');
    expect(r).toEqual({ code: 2, stdout: '', stderr: '[0].spec.decay_steps: must be > 0\n' });
  });
  test('bad input: not JSON, not an array, bad steps, unknown fields', () => {
    expect(runEval('{').code).toBe(2);
    expect(runEval('{}').stderr).toContain('must be a JSON array');
    const r = runEval('[{"spec":{"kind":"torch.StepLR","lr":0.1,"step_size":2},"steps":[1.5],"x":1}]');
    expect(r.stderr).toBe('[0].x: unknown field\n[0].steps: must be a list of integers >= 0 (negative steps only for piecewise_constant, which TensorFlow evaluates at any step)\n');
    expect(r.stdout).toBe('');
  });
});

describe('lrscope events', () => {
  test('the events as a JSON array', () => {
    const r = runEvents({ spec: '{"kind":"piecewise_constant","boundaries":[10,20],"values":[0.5,0.25,0.125]}', from: 0, to: 60 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { step: 11, kind: 'drop', lrBefore: 0.5, lrAfter: 0.25, index: 1 },
      { step: 21, kind: 'drop', lrBefore: 0.25, lrAfter: 0.125, index: 2 },
    ]);
  });
  test('an invalid spec or range: exit code 2, message on stderr', () => {
    expect(runEvents({ spec: '{"kind":"torch.StepLR","lr":0.1,"step_size":0}', from: 0, to: 10 })).toEqual({ code: 2, stdout: '', stderr: 'step_size: must be >= 1\n' });
    expect(runEvents({ spec: 'nope', from: 0, to: 10 }).code).toBe(2);
    expect(runEvents({ spec: '{"kind":"torch.StepLR","lr":0.1,"step_size":3}', from: 10, to: 5 }).stderr).toContain('--from and --to');
  });
});

describe('negative steps (schedules only, where TensorFlow takes them)', () => {
  const pc = JSON.stringify({ kind: 'piecewise_constant', boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] });
  test('eval and events take them for piecewise_constant', () => {
    const r = runEval(`[{"spec":${pc},"steps":[-999,105]}]`);
    expect(JSON.parse(r.stdout)).toEqual([[1.0, 0.1].map(Math.fround)]);
    expect(JSON.parse(runEvents({ spec: pc, from: -5, to: 101 }).stdout)).toEqual([{ step: 101, kind: 'drop', lrBefore: 1, lrAfter: Math.fround(0.1), index: 1 }]);
  });
  test('refused, with the reason, for kinds that count from 0', () => {
    const r = runEval('[{"spec":{"kind":"exponential_decay","learning_rate":0.1,"decay_steps":3,"decay_rate":0.9},"steps":[-1]}]');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[0].steps: must be a list of integers >= 0 (negative steps only for piecewise_constant');
  });
});
