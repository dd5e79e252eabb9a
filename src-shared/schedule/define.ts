// defineKind: one schedule kind = a strict zod object (`kind` + flat parameters, unknown keys
// rejected) + its semantic rules + the metadata listKinds() hands to the designer form.
import { z } from 'zod';
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

export function defineKind<const K extends string, P extends Shape>(def: {
  kind: K;
  group: Group;
  label: string;
  source: string;
  params: P;
  rules?: (spec: z.output<KindObject<K, P>>, report: Report) => void;
}): { info: KindInfo; schema: KindObject<K, P> } {
  const base = z.strictObject({ kind: z.literal(def.kind), ...schemaShape(def.params) }) as unknown as KindObject<K, P>;
  const rules = def.rules;
  const schema = rules
    ? base.superRefine((spec, ctx) => {
        rules(spec, (field, message) => ctx.addIssue({ code: 'custom', path: [field], message }));
      })
    : base;
  return {
    info: { kind: def.kind, group: def.group, label: def.label, source: def.source, params: paramInfos(def.params) },
    schema,
  };
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
