// The schedule spec: the JSON shape stored in SQLite (versioned, so it must stay stable), flat
// parameters with the libraries' names plus `kind`. See README.md in this folder.
import { z } from 'zod';
import { defineKind, atLeast, schemasOf, type Build, type KindDef, type KindInfo } from './define';
import * as p from './params';
import { tfKinds, kerasKinds } from './spec-tf';
import { torchKinds, torchOneCycleLR, torchCyclicLR, sequentialRules } from './spec-torch';
import { warmupCurve, sequentialCurve, inverseSqrtCurve } from './warmup';
import type { Curve } from './curve';

/** Bumped when a stored spec would be read differently; the store keeps it next to the JSON. */
export const SPEC_VERSION = 1;

// Hugging Face's get_inverse_sqrt_schedule: the one get_scheduler name that no TensorFlow or
// PyTorch piece expresses (transformers/optimization.py, _get_inverse_sqrt_schedule_lr_lambda).
const hfInverseSqrt = defineKind({
  kind: 'hf.inverse_sqrt', group: 'warmup', label: 'inverse square root (Hugging Face)', source: 'transformers.get_inverse_sqrt_schedule',
  params: {
    lr: p.number("the optimizer's initial learning rate", '0.1'),
    num_warmup_steps: p.integerOr(0, 'steps of linear warmup from 0'),
    timescale: p.integerOrNone('none: num_warmup_steps, or 10000 without warmup'),
  },
  rules: (s, r) => {
    atLeast(r, 'num_warmup_steps', s.num_warmup_steps, 0);
    if (s.timescale !== null) atLeast(r, 'timescale', s.timescale, 1);
  },
  curve: (s) => inverseSqrtCurve(s.lr, s.num_warmup_steps, s.timescale),
});

const [stepLR, multiStepLR, exponentialLR, cosineAnnealingLR, warmRestarts, polynomialLR, linearLR, constantLR] = torchKinds;
/** The kinds without a nested schedule, in the order the designer lists them. */
const plainKinds = [
  ...tfKinds, ...kerasKinds,
  stepLR.full, multiStepLR.full, exponentialLR.full, cosineAnnealingLR.full, warmRestarts.full, polynomialLR.full, linearLR.full, constantLR.full,
  torchOneCycleLR, torchCyclicLR, hfInverseSqrt,
] as const;
const _PlainSpec = z.discriminatedUnion('kind', schemasOf(plainKinds));
const childKinds = torchKinds.map((k) => k.child);
const CHILDREN = new Map(childKinds.map((k) => [k.kind as string, k]));

/**
 * A SequentialLR child: a PyTorch scheduler without `lr` (the SequentialLR's `lr` is the
 * optimizer's). OneCycleLR and CyclicLR are left out: they overwrite the optimizer's rate
 * and initial_lr when constructed, which silently changes every other child's base rate.
 */
export const TorchChildSpec = z.discriminatedUnion('kind', schemasOf([stepLR.child, multiStepLR.child, exponentialLR.child, cosineAnnealingLR.child, warmRestarts.child, polynomialLR.child, linearLR.child, constantLR.child]));
export type TorchChildSpec = z.output<typeof TorchChildSpec>;
export const SEQUENTIAL_CHILD_KINDS: readonly string[] = childKinds.map((k) => k.kind);

function child(spec: TorchChildSpec) {
  const def = CHILDREN.get(spec.kind);
  if (!def) throw new Error(`unknown SequentialLR scheduler ${spec.kind}`);
  return def;
}

type PlainSpec = z.output<typeof _PlainSpec>;
type PlainSpecInput = z.input<typeof _PlainSpec>;

export interface WarmupSpec { kind: 'warmup'; warmup_steps: number; start_lr: number; after: ScheduleSpec }
interface WarmupSpecInput { kind: 'warmup'; warmup_steps: number; start_lr?: number; after: ScheduleSpecInput }

export interface SequentialLRSpec { kind: 'torch.SequentialLR'; lr: number; schedulers: TorchChildSpec[]; milestones: number[] }
interface SequentialLRSpecInput { kind: 'torch.SequentialLR'; lr: number; schedulers: z.input<typeof TorchChildSpec>[]; milestones: number[] }

/** A parsed spec: every parameter present (defaults filled in). */
export type ScheduleSpec = PlainSpec | WarmupSpec | SequentialLRSpec;
/** A spec as written by a user or stored: parameters with defaults may be omitted. */
export type ScheduleSpecInput = PlainSpecInput | WarmupSpecInput | SequentialLRSpecInput;
export type ScheduleKind = ScheduleSpec['kind'];
export type SpecOf<K extends ScheduleKind> = Extract<ScheduleSpec, { kind: K }>;

const warmup = defineKind({
  kind: 'warmup', group: 'warmup', label: 'linear warmup', source: 'transformers.get_scheduler (warmup part)',
  params: {
    warmup_steps: p.integer('steps of linear warmup; the schedule in `after` starts at its own step 0 after them', '100'),
    start_lr: p.numberOr(0, 'rate at step 0; the warmup ends at the value of `after` at its step 0'),
    after: {
      schema: z.lazy((): z.ZodType<ScheduleSpec, ScheduleSpecInput> => ScheduleSpec),
      info: { type: 'schedule', nullable: false, help: 'the schedule that follows the warmup' },
    },
  },
  rules: (s, r) => atLeast(r, 'warmup_steps', s.warmup_steps, 0),
  curve: (s, build) => warmupCurve(s.warmup_steps, s.start_lr, build(s.after)),
});

const sequentialLR = defineKind({
  kind: 'torch.SequentialLR', group: 'pytorch', label: 'SequentialLR', source: 'torch.optim.lr_scheduler.SequentialLR',
  params: {
    lr: p.number("the optimizer's initial learning rate (its lr)", '0.1'),
    schedulers: {
      schema: z.array(TorchChildSpec),
      info: {
        type: 'schedule[]', nullable: false, help: 'schedulers without lr; each restarts at its own step 0 at its milestone',
        starter: JSON.stringify([{ kind: 'torch.LinearLR', start_factor: 0.1, total_iters: 100 }, { kind: 'torch.CosineAnnealingLR', T_max: 900 }]),
      },
    },
    milestones: p.integers('steps where the next scheduler takes over', '100'),
  },
  rules: sequentialRules,
  curve: (s) => sequentialCurve(s.schedulers.map((c) => child(c).childCurve(c, s.lr)), s.milestones, s.schedulers.map((c) => c.kind.slice('torch.'.length))),
  // Stairs only when every child is: a StepLR then a ConstantLR is flat between its jumps.
  stepped: (s) => s.schedulers.every((c) => (child(c).stepped as (spec: TorchChildSpec) => boolean)(c)),
});

export const ScheduleSpec: z.ZodType<ScheduleSpec, ScheduleSpecInput> = z.discriminatedUnion('kind', [
  ...schemasOf(plainKinds), warmup.schema, sequentialLR.schema,
]);

/** Every top-level kind, in the designer's order: the one list a new kind is added to (with its schema above). */
const KINDS: readonly KindDef[] = [...plainKinds, sequentialLR, warmup];
export const KIND_INFOS: readonly KindInfo[] = KINDS.map((k) => k.info);
const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

/** The definition of `spec`'s kind: its curve, whether it is drawn stepped. */
export function kindOf(spec: ScheduleSpec): { curve: (spec: ScheduleSpec, build: Build) => Curve; stepped: (spec: ScheduleSpec) => boolean } {
  const def = BY_KIND.get(spec.kind);
  if (!def) throw new Error(`unknown schedule kind ${spec.kind}`);
  return def as unknown as ReturnType<typeof kindOf>;
}
