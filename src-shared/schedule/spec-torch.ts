// PyTorch torch.optim.lr_scheduler kinds: `torch.<ClassName>`, the constructor's keyword names
// and defaults (torch/optim/lr_scheduler.py), plus `lr`, the optimizer's initial rate.
import { z } from 'zod';
import { defineKind, positive, atLeast, strictlyIncreasing, type Group, type Report } from './define';
import * as p from './params';

const GROUP: Group = 'pytorch';
const lr = () => p.number("the optimizer's initial learning rate (its lr)");
// OneCycleLR and CyclicLR overwrite the optimizer's rate, so `lr` is accepted and has no effect.
const ignoredLr = () => p.numberOrNone("the optimizer's lr; ignored by this scheduler, which sets the rate itself");

function within(report: Report, field: string, value: number, lo: number, hi: number, loOpen: boolean): void {
  const ok = (loOpen ? value > lo : value >= lo) && value <= hi;
  if (!ok) report(field, `must be in ${loOpen ? '(' : '['}${lo}, ${hi}]`);
}

const stepLR = { step_size: p.integer('period of the drop, in steps'), gamma: p.numberOr(0.1, 'multiplier at each drop') };
const multiStepLR = { milestones: p.integers('steps of the drops, non-decreasing (a repeated milestone drops twice)'), gamma: p.numberOr(0.1, 'multiplier at each milestone') };
const exponentialLR = { gamma: p.number('multiplier per step') };
const cosineAnnealingLR = { T_max: p.number('half period of the cosine, in steps; not clamped after T_max'), eta_min: p.numberOr(0, 'minimum learning rate') };
const warmRestarts = {
  T_0: p.integer('length of the first period, in steps'),
  T_mult: p.integerOr(1, 'each period is T_mult times longer than the previous one'),
  eta_min: p.numberOr(0, 'minimum learning rate'),
};
const polynomialLR = { total_iters: p.integerOr(5, 'steps to decay to zero'), power: p.numberOr(1.0, 'power of the polynomial') };
const linearLR = {
  start_factor: p.numberOr(1 / 3, 'multiplier of lr at step 0'),
  end_factor: p.numberOr(1.0, 'multiplier of lr from total_iters on'),
  total_iters: p.integerOr(5, 'steps of the linear change'),
};
const constantLR = { factor: p.numberOr(1 / 3, 'multiplier of lr until total_iters'), total_iters: p.integerOr(5, 'steps at the lowered rate') };

function stepLRRules(s: { step_size: number }, r: Report): void { atLeast(r, 'step_size', s.step_size, 1); }
function multiStepRules(s: { milestones: number[] }, r: Report): void {
  for (let i = 0; i < s.milestones.length; i++) {
    if (s.milestones[i] < 0) { r('milestones', 'must be >= 0'); return; }
    if (i > 0 && s.milestones[i] < s.milestones[i - 1]) { r('milestones', 'must be non-decreasing'); return; }
  }
}
function cosineRules(s: { T_max: number }, r: Report): void { positive(r, 'T_max', s.T_max); }
function warmRestartRules(s: { T_0: number; T_mult: number }, r: Report): void {
  atLeast(r, 'T_0', s.T_0, 1);
  atLeast(r, 'T_mult', s.T_mult, 1);
}
function polynomialRules(s: { total_iters: number; power: number }, r: Report): void {
  atLeast(r, 'total_iters', s.total_iters, 1);
  positive(r, 'power', s.power);
}
function linearRules(s: { start_factor: number; end_factor: number; total_iters: number }, r: Report): void {
  within(r, 'start_factor', s.start_factor, 0, 1, true);
  within(r, 'end_factor', s.end_factor, 0, 1, false);
  atLeast(r, 'total_iters', s.total_iters, 1);
}
// PyTorch accepts factor = 0 and then divides by it at total_iters.
function constantRules(s: { factor: number; total_iters: number }, r: Report): void {
  within(r, 'factor', s.factor, 0, 1, true);
  atLeast(r, 'total_iters', s.total_iters, 0);
}

/** Each kind twice: with `lr` (a top-level schedule) and without (a SequentialLR child). */
function torchKind<const K extends string, P extends p.Shape>(kind: K, params: P, rules: (s: z.output<z.ZodObject<p.SchemaShape<P>>>, r: Report) => void) {
  type Params = z.output<z.ZodObject<p.SchemaShape<P>>>;
  const label = kind.slice('torch.'.length);
  const source = `torch.optim.lr_scheduler.${label}`;
  return {
    // Both objects carry every parameter the rules read; the one with lr has one more.
    full: defineKind({ kind, group: GROUP, label, source, params: { lr: lr(), ...params }, rules: (spec, report) => rules(spec as unknown as Params, report) }),
    child: defineKind({ kind, group: GROUP, label, source, params, rules: (spec, report) => rules(spec as unknown as Params, report) }),
  };
}

export const torchStepLR = torchKind('torch.StepLR', stepLR, stepLRRules);
export const torchMultiStepLR = torchKind('torch.MultiStepLR', multiStepLR, multiStepRules);
export const torchExponentialLR = torchKind('torch.ExponentialLR', exponentialLR, () => {});
export const torchCosineAnnealingLR = torchKind('torch.CosineAnnealingLR', cosineAnnealingLR, cosineRules);
export const torchWarmRestarts = torchKind('torch.CosineAnnealingWarmRestarts', warmRestarts, warmRestartRules);
export const torchPolynomialLR = torchKind('torch.PolynomialLR', polynomialLR, polynomialRules);
export const torchLinearLR = torchKind('torch.LinearLR', linearLR, linearRules);
export const torchConstantLR = torchKind('torch.ConstantLR', constantLR, constantRules);

const momentumOnly = 'momentum only: no effect on the learning rate';

export const torchOneCycleLR = defineKind({
  kind: 'torch.OneCycleLR', group: GROUP, label: 'OneCycleLR', source: 'torch.optim.lr_scheduler.OneCycleLR',
  params: {
    lr: ignoredLr(),
    max_lr: p.number('peak learning rate; the cycle starts at max_lr / div_factor'),
    total_steps: p.integerOrNone('steps in the cycle; or give epochs and steps_per_epoch'),
    epochs: p.integerOrNone('with steps_per_epoch, when total_steps is not given'),
    steps_per_epoch: p.integerOrNone('with epochs, when total_steps is not given'),
    pct_start: p.numberOr(0.3, 'fraction of the cycle spent increasing the rate'),
    anneal_strategy: p.choice(['cos', 'linear'] as const, 'cos', 'shape of each phase'),
    cycle_momentum: p.flag(true, momentumOnly),
    base_momentum: p.numberOr(0.85, momentumOnly),
    max_momentum: p.numberOr(0.95, momentumOnly),
    div_factor: p.numberOr(25.0, 'initial rate is max_lr / div_factor'),
    final_div_factor: p.numberOr(1e4, 'final rate is initial rate / final_div_factor'),
    three_phase: p.flag(false, 'a third phase anneals to the final rate after going back to the initial one'),
  },
  rules: (s, r) => {
    if (s.total_steps !== null) atLeast(r, 'total_steps', s.total_steps, 1);
    else if (s.epochs === null || s.steps_per_epoch === null) r('total_steps', 'is required unless epochs and steps_per_epoch are given');
    else { atLeast(r, 'epochs', s.epochs, 1); atLeast(r, 'steps_per_epoch', s.steps_per_epoch, 1); }
    within(r, 'pct_start', s.pct_start, 0, 1, false);
    positive(r, 'div_factor', s.div_factor);
    positive(r, 'final_div_factor', s.final_div_factor);
    const total = s.total_steps ?? (s.epochs ?? 0) * (s.steps_per_epoch ?? 0);
    const ends = s.three_phase
      ? [s.pct_start * total - 1, 2 * s.pct_start * total - 2, total - 1]
      : [s.pct_start * total - 1, total - 1];
    // PyTorch divides by (end_step - start_step) of the phase a step falls in.
    if (ends.some((end, i) => end === (i === 0 ? 0 : ends[i - 1]))) r('pct_start', 'gives a phase of zero length (PyTorch divides by zero)');
  },
});

export const torchCyclicLR = defineKind({
  kind: 'torch.CyclicLR', group: GROUP, label: 'CyclicLR', source: 'torch.optim.lr_scheduler.CyclicLR',
  params: {
    lr: ignoredLr(),
    base_lr: p.number('lower bound of the cycle; the schedule starts here'),
    max_lr: p.number('upper bound of the cycle'),
    step_size_up: p.numberOr(2000, 'steps of the rising half'),
    step_size_down: p.numberOrNone('steps of the falling half; none: same as step_size_up'),
    mode: p.choice(['triangular', 'triangular2', 'exp_range'] as const, 'triangular', 'triangular2 halves the amplitude each cycle; exp_range scales it by gamma^step'),
    gamma: p.numberOr(1.0, 'exp_range only: amplitude scale per step'),
    cycle_momentum: p.flag(true, momentumOnly),
    base_momentum: p.numberOr(0.8, momentumOnly),
    max_momentum: p.numberOr(0.9, momentumOnly),
  },
  rules: (s, r) => {
    positive(r, 'step_size_up', s.step_size_up);
    if (s.step_size_down !== null) positive(r, 'step_size_down', s.step_size_down);
    positive(r, 'gamma', s.gamma);
  },
});

export const torchKinds = [torchStepLR, torchMultiStepLR, torchExponentialLR, torchCosineAnnealingLR, torchWarmRestarts, torchPolynomialLR, torchLinearLR, torchConstantLR];

export function sequentialRules(s: { milestones: number[]; schedulers: unknown[] }, r: Report): void {
  if (s.schedulers.length !== s.milestones.length + 1) {
    r('milestones', `must have one entry fewer than schedulers (${s.schedulers.length - 1}), got ${s.milestones.length}`);
  }
  if (s.milestones.some((m) => m < 1)) r('milestones', 'must be >= 1');
  strictlyIncreasing(r, 'milestones', s.milestones);
}
