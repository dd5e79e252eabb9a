// defineKind: one schedule kind = a strict zod object (`kind` + flat parameters, unknown keys
// rejected) + its semantic rules + how it is computed (its Curve) + whether it is drawn stepped
// + the metadata listKinds() hands to the designer form (help, defaults, starting values).
// Every view reads these facts from here; no other module lists kinds.
import { z } from 'zod';
import type { Curve } from './curve';
import { paramInfos, schemaShape, type ParamInfo, type SchemaShape, type Shape } from './params';

export type Group = 'tensorflow' | 'keras' | 'pytorch' | 'warmup';

/** Reports one broken rule; `field` is the parameter name, `message` the rule ("must be > 0"). */
export type Report = (field: string, message: string) => void;

export interface KindInfo {
  kind: string;
  group: Group;
  label: string;
  /** The library call the kind mirrors, e.g. `tf.compat.v1.train.exponential_decay`. */
  source: string;
  params: ParamInfo[];
}

type KindObject<K extends string, P extends Shape> = z.ZodObject<{ kind: z.ZodLiteral<K> } & SchemaShape<P>, z.core.$strict>;

/**
 * Builds the curve of a nested schedule (a warmup's `after`, a parsed ScheduleSpec); passed in
 * so kinds need not import compile. Typed loosely: naming ScheduleSpec here would make the
 * kinds' types depend on the union they make up.
 */
export type Build = (spec: object) => Curve;

/** A kind as the engine dispatches on it: the spec is one of this kind's (checked by `kind`). */
export interface KindDef<K extends string = string, S extends z.ZodType = z.ZodType> {
  info: KindInfo;
  schema: S;
  curve: (spec: never, build: Build) => Curve;
  /** Drawn as a staircase (flat between jumps), never as a slope. */
  stepped: (spec: never) => boolean;
  kind: K;
}

export function defineKind<const K extends string, P extends Shape>(def: {
  kind: K;
  group: Group;
  label: string;
  source: string;
  params: P;
  rules?: (spec: z.output<KindObject<K, P>>, report: Report) => void;
  curve: (spec: z.output<KindObject<K, P>>, build: Build) => Curve;
  /** A constant, or read from the spec (`staircase`); false when absent. */
  stepped?: boolean | ((spec: z.output<KindObject<K, P>>) => boolean);
}): KindDef<K, KindObject<K, P>> & { curve: (spec: z.output<KindObject<K, P>>, build: Build) => Curve; stepped: (spec: z.output<KindObject<K, P>>) => boolean } {
  const base = z.strictObject({ kind: z.literal(def.kind), ...schemaShape(def.params) }) as unknown as KindObject<K, P>;
  const rules = def.rules;
  const schema = rules
    ? base.superRefine((spec, ctx) => {
        rules(spec, (field, message) => ctx.addIssue({ code: 'custom', path: [field], message }));
      })
    : base;
  const stepped = def.stepped ?? false;
  return {
    kind: def.kind,
    info: { kind: def.kind, group: def.group, label: def.label, source: def.source, params: paramInfos(def.params) },
    schema,
    curve: def.curve,
    stepped: typeof stepped === 'function' ? stepped : () => stepped,
  };
}

/** The schemas of `kinds`, as the non-empty tuple z.discriminatedUnion wants. */
export function schemasOf<const T extends readonly [KindDef, ...KindDef[]]>(kinds: T): [T[number]['schema'], ...T[number]['schema'][]] {
  return kinds.map((k) => k.schema) as [T[number]['schema'], ...T[number]['schema'][]];
}

// Shared rules, worded as the validation messages users read ("decay_steps: must be > 0").
export function positive(report: Report, field: string, value: number): void {
  if (!(value > 0)) report(field, 'must be > 0');
}

export function atLeast(report: Report, field: string, value: number, min: number): void {
  if (!(value >= min)) report(field, `must be >= ${min}`);
}

export function strictlyIncreasing(report: Report, field: string, values: readonly number[]): void {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) {
      report(field, `must be strictly increasing (entry ${i} is ${values[i]} after ${values[i - 1]})`);
      return;
    }
  }
}
