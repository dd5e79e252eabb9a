// PyTorch torch.optim.lr_scheduler kinds: `torch.<ClassName>`, the constructor's keyword names
// and defaults (torch/optim/lr_scheduler.py), plus `lr`, the optimizer's initial rate.
import { z } from 'zod';
import { defineKind, positive, atLeast, strictlyIncreasing, type Group, type Report } from './define';
import * as p from './params';
import type { Curve } from './curve';
import * as torch from './torch';

const GROUP: Group = 'pytorch';
const lr = () => p.number("the optimizer's initial learning rate (its lr)", '0.1');
// OneCycleLR and CyclicLR overwrite the optimizer's rate, so `lr` is accepted and has no effect.
const ignoredLr = () => p.numberOrNone("the optimizer's lr; ignored by this scheduler, which sets the rate itself");

function within(report: Report, field: string, value: number, lo: number, hi: number, loOpen: boolean): void {
  const ok = (loOpen ? value > lo : value >= lo) && value <= hi;
  if (!ok) report(field, `must be in ${loOpen ? '(' : '['}${lo}, ${hi}]`);
}

const stepLR = { step_size: p.integer('period of the drop, in steps', '300'), gamma: p.numberOr(0.1, 'multiplier at each drop') };
const multiStepLR = { milestones: p.integers('steps of the drops, non-decreasing (a repeated milestone drops twice)', '300, 600'), gamma: p.numberOr(0.1, 'multiplier at each milestone') };
const exponentialLR = { gamma: p.number('multiplier per step', '0.995') };
const cosineAnnealingLR = { T_max: p.number('half period of the cosine, in steps; not clamped after T_max', '1000'), eta_min: p.numberOr(0, 'minimum learning rate') };
const warmRestarts = {
  T_0: p.integer('length of the first period, in steps', '200'),
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

/**
 * Each kind twice: with `lr` (a top-level schedule) and without (a SequentialLR child, whose
 * rate is the SequentialLR's). `curve` takes the rate apart, so both share it; `stepped`: the
 * rate is flat between jumps (StepLR, MultiStepLR, ConstantLR), so it is drawn as stairs.
 */
function torchKind<const K extends string, P extends p.Shape>(kind: K, params: P, how: {
  rules: (s: z.output<z.ZodObject<p.SchemaShape<P>>>, r: Report) => void;
  curve: (lr: number, s: z.output<z.ZodObject<p.SchemaShape<P>>>) => Curve;
  stepped?: boolean;
}) {
  type Params = z.output<z.ZodObject<p.SchemaShape<P>>>;
  const label = kind.slice('torch.'.length);
  const source = `torch.optim.lr_scheduler.${label}`;
  const stepped = how.stepped ?? false;
  return {
    // Both objects carry every parameter the rules read; the one with lr has one more.
    full: defineKind({
      kind, group: GROUP, label, source, params: { lr: lr(), ...params }, stepped,
      rules: (spec, report) => how.rules(spec as unknown as Params, report),
      curve: (spec) => how.curve((spec as unknown as { lr: number }).lr, spec as unknown as Params),
    }),
    child: {
      ...defineKind({ kind, group: GROUP, label, source, params, stepped, rules: (spec, report) => how.rules(spec as unknown as Params, report), curve: () => { throw new Error(`${kind} inside a SequentialLR takes its lr from it`); } }),
      /** The curve of this child at the SequentialLR's rate. */
      childCurve: (spec: object, rate: number) => how.curve(rate, spec as Params),
    },
  };
}

export const torchKinds = [
  torchKind('torch.StepLR', stepLR, { rules: stepLRRules, curve: (lr, s) => torch.stepCurve(lr, s.step_size, s.gamma), stepped: true }),
  torchKind('torch.MultiStepLR', multiStepLR, { rules: multiStepRules, curve: (lr, s) => torch.multiStepCurve(lr, s.milestones, s.gamma), stepped: true }),
  torchKind('torch.ExponentialLR', exponentialLR, { rules: () => {}, curve: (lr, s) => torch.exponentialLRCurve(lr, s.gamma) }),
  torchKind('torch.CosineAnnealingLR', cosineAnnealingLR, { rules: cosineRules, curve: (lr, s) => torch.cosineAnnealingCurve(lr, s.T_max, s.eta_min) }),
  torchKind('torch.CosineAnnealingWarmRestarts', warmRestarts, { rules: warmRestartRules, curve: (lr, s) => torch.warmRestartsCurve(lr, s.T_0, s.T_mult, s.eta_min) }),
  torchKind('torch.PolynomialLR', polynomialLR, { rules: polynomialRules, curve: (lr, s) => torch.polynomialLRCurve(lr, s.total_iters, s.power) }),
  torchKind('torch.LinearLR', linearLR, { rules: linearRules, curve: (lr, s) => torch.linearLRCurve(lr, s.start_factor, s.end_factor, s.total_iters) }),
  torchKind('torch.ConstantLR', constantLR, { rules: constantRules, curve: (lr, s) => torch.constantLRCurve(lr, s.factor, s.total_iters), stepped: true }),
] as const;

/** A PyTorch class's kind, label and source: `torch.<ClassName>`. */
const named = <const L extends string>(label: L) => ({ kind: `torch.${label}` as const, group: GROUP, label, source: `torch.optim.lr_scheduler.${label}` });

const momentumOnly = 'momentum only: no effect on the learning rate';
/** OneCycleLR's and CyclicLR's momentum cycling: accepted (the constructors take it), not drawn. */
const momentum = (base: number, max: number) => ({
  cycle_momentum: p.flag(true, momentumOnly),
  base_momentum: p.numberOr(base, momentumOnly),
  max_momentum: p.numberOr(max, momentumOnly),
});

export const torchOneCycleLR = defineKind({
  ...named('OneCycleLR'),
  params: {
    lr: ignoredLr(),
    max_lr: p.number('peak learning rate; the cycle starts at max_lr / div_factor', '0.1'),
    total_steps: p.integerOrNone('steps in the cycle; or give epochs and steps_per_epoch', '1000'),
    epochs: p.integerOrNone('with steps_per_epoch, when total_steps is not given'),
    steps_per_epoch: p.integerOrNone('with epochs, when total_steps is not given'),
    pct_start: p.numberOr(0.3, 'fraction of the cycle spent increasing the rate'),
    anneal_strategy: p.choice(['cos', 'linear'] as const, 'cos', 'shape of each phase'),
    ...momentum(0.85, 0.95),
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
  curve: (s) => torch.oneCycleCurve(s),
});

export const torchCyclicLR = defineKind({
  ...named('CyclicLR'),
  params: {
    lr: ignoredLr(),
    base_lr: p.number('lower bound of the cycle; the schedule starts here', '0.001'),
    max_lr: p.number('upper bound of the cycle', '0.1'),
    // A new form shows a shorter cycle than the default 2000, so several fit the 0–1000 preview.
    step_size_up: p.numberOr(2000, 'steps of the rising half', '200'),
    step_size_down: p.numberOrNone('steps of the falling half; none: same as step_size_up'),
    mode: p.choice(['triangular', 'triangular2', 'exp_range'] as const, 'triangular', 'triangular2 halves the amplitude each cycle; exp_range scales it by gamma^step'),
    gamma: p.numberOr(1.0, 'exp_range only: amplitude scale per step'),
    ...momentum(0.8, 0.9),
  },
  rules: (s, r) => {
    positive(r, 'step_size_up', s.step_size_up);
    if (s.step_size_down !== null) positive(r, 'step_size_down', s.step_size_down);
    positive(r, 'gamma', s.gamma);
  },
  curve: (s) => torch.cyclicCurve(s),
});

export function sequentialRules(s: { milestones: number[]; schedulers: unknown[] }, r: Report): void {
  if (s.schedulers.length !== s.milestones.length + 1) {
    r('milestones', `must have one entry fewer than schedulers (${s.schedulers.length - 1}), got ${s.milestones.length}`);
  }
  if (s.milestones.some((m) => m < 1)) r('milestones', 'must be >= 1');
  strictlyIncreasing(r, 'milestones', s.milestones);
}
