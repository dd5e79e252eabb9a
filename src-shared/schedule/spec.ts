// The schedule spec: the JSON shape stored in SQLite (versioned, so it must stay stable), flat
// parameters with the libraries' names plus `kind`. See README.md in this folder.
import { z } from 'zod';
import { defineKind, atLeast, type KindInfo } from './define';
import * as p from './params';
import { tfKinds, kerasKinds } from './spec-tf';
import { torchKinds, torchOneCycleLR, torchCyclicLR, sequentialRules } from './spec-torch';

/** Bumped when a stored spec would be read differently; the store keeps it next to the JSON. */
export const SPEC_VERSION = 1;

// Hugging Face's get_inverse_sqrt_schedule: the one get_scheduler name that no TensorFlow or
// PyTorch piece expresses (transformers/optimization.py, _get_inverse_sqrt_schedule_lr_lambda).
const hfInverseSqrt = defineKind({
  kind: 'hf.inverse_sqrt', group: 'warmup', label: 'inverse square root (Hugging Face)', source: 'transformers.get_inverse_sqrt_schedule',
  params: {
    lr: p.number("the optimizer's initial learning rate"),
    num_warmup_steps: p.integerOr(0, 'steps of linear warmup from 0'),
    timescale: p.integerOrNone('none: num_warmup_steps, or 10000 without warmup'),
  },
  rules: (s, r) => {
    atLeast(r, 'num_warmup_steps', s.num_warmup_steps, 0);
    if (s.timescale !== null) atLeast(r, 'timescale', s.timescale, 1);
  },
});

const plainKinds = [
  ...Object.values(tfKinds), ...Object.values(kerasKinds),
  ...torchKinds.map((k) => k.full), torchOneCycleLR, torchCyclicLR, hfInverseSqrt,
] as const;

const plainSchemas = [
  tfKinds.exponential_decay.schema, tfKinds.piecewise_constant.schema, tfKinds.polynomial_decay.schema,
  tfKinds.natural_exp_decay.schema, tfKinds.inverse_time_decay.schema, tfKinds.cosine_decay.schema,
  tfKinds.cosine_decay_restarts.schema, tfKinds.linear_cosine_decay.schema, tfKinds.noisy_linear_cosine_decay.schema,
  kerasKinds['keras.ExponentialDecay'].schema, kerasKinds['keras.PiecewiseConstantDecay'].schema,
  kerasKinds['keras.PolynomialDecay'].schema, kerasKinds['keras.InverseTimeDecay'].schema,
  kerasKinds['keras.CosineDecay'].schema, kerasKinds['keras.CosineDecayRestarts'].schema,
  torchKinds[0].full.schema, torchKinds[1].full.schema, torchKinds[2].full.schema, torchKinds[3].full.schema,
  torchKinds[4].full.schema, torchKinds[5].full.schema, torchKinds[6].full.schema, torchKinds[7].full.schema,
  torchOneCycleLR.schema, torchCyclicLR.schema, hfInverseSqrt.schema,
] as const;
const _PlainSpec = z.discriminatedUnion('kind', plainSchemas);

/**
 * A SequentialLR child: a PyTorch scheduler without `lr` (the SequentialLR's `lr` is the
 * optimizer's). OneCycleLR and CyclicLR are left out: they overwrite the optimizer's rate
 * and initial_lr when constructed, which silently changes every other child's base rate.
 */
export const TorchChildSpec = z.discriminatedUnion('kind', [
  torchKinds[0].child.schema, torchKinds[1].child.schema, torchKinds[2].child.schema, torchKinds[3].child.schema,
  torchKinds[4].child.schema, torchKinds[5].child.schema, torchKinds[6].child.schema, torchKinds[7].child.schema,
]);
export type TorchChildSpec = z.output<typeof TorchChildSpec>;
export const SEQUENTIAL_CHILD_KINDS: readonly string[] = torchKinds.map((k) => k.child.info.kind);

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
    warmup_steps: p.integer('steps of linear warmup; the schedule in `after` starts at its own step 0 after them'),
    start_lr: p.numberOr(0, 'rate at step 0; the warmup ends at the value of `after` at its step 0'),
    after: {
      schema: z.lazy((): z.ZodType<ScheduleSpec, ScheduleSpecInput> => ScheduleSpec),
      info: { type: 'schedule', nullable: false, help: 'the schedule that follows the warmup' },
    },
  },
  rules: (s, r) => atLeast(r, 'warmup_steps', s.warmup_steps, 0),
});

const sequentialLR = defineKind({
  kind: 'torch.SequentialLR', group: 'pytorch', label: 'SequentialLR', source: 'torch.optim.lr_scheduler.SequentialLR',
  params: {
    lr: p.number("the optimizer's initial learning rate (its lr)"),
    schedulers: { schema: z.array(TorchChildSpec), info: { type: 'schedule[]', nullable: false, help: 'schedulers without lr; each restarts at its own step 0 at its milestone' } },
    milestones: p.integers('steps where the next scheduler takes over'),
  },
  rules: sequentialRules,
});

export const ScheduleSpec: z.ZodType<ScheduleSpec, ScheduleSpecInput> = z.discriminatedUnion('kind', [
  ...plainSchemas, warmup.schema, sequentialLR.schema,
]);

export const KIND_INFOS: readonly KindInfo[] = [...plainKinds.map((k) => k.info), sequentialLR.info, warmup.info];
