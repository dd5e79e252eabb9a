// Parameter builders: each returns the zod schema of one schedule parameter together with
// the metadata the designer form needs (type, default, one-line help). Defining both in one
// place keeps the stored-JSON contract and the form from drifting apart.
import { z } from 'zod';

export type ParamType = 'number' | 'integer' | 'boolean' | 'choice' | 'number[]' | 'integer[]' | 'schedule' | 'schedule[]';

export interface ParamInfo {
  name: string;
  type: ParamType;
  /** Value used when the parameter is omitted; absent when the parameter is required. */
  default?: number | boolean | string | null;
  /** True when `null` is a legal value (Python's `None`). */
  nullable: boolean;
  options?: readonly string[];
  help: string;
  /**
   * What a new designer form shows where the library has no default (or a `None` one), chosen
   * so a new candidate draws something readable over the default 0–1000 range. Absent: empty.
   */
  starter?: string;
}

export interface Param<S extends z.ZodType> {
  schema: S;
  info: Omit<ParamInfo, 'name'>;
}

function param<S extends z.ZodType>(schema: S, info: Omit<ParamInfo, 'name'>): Param<S> {
  return { schema, info };
}

const withStarter = (starter: string | undefined) => (starter === undefined ? {} : { starter });

export const number = (help: string, starter?: string) => param(z.number(), { type: 'number', nullable: false, help, ...withStarter(starter) });

/** `starter`: what a new designer form shows instead of the default (a shorter cycle, say). */
export const numberOr = (def: number, help: string, starter?: string) =>
  param(z.number().default(def), { type: 'number', default: def, nullable: false, help, ...withStarter(starter) });

export const integer = (help: string, starter?: string) => param(z.int(), { type: 'integer', nullable: false, help, ...withStarter(starter) });

export const integerOr = (def: number, help: string) =>
  param(z.int().default(def), { type: 'integer', default: def, nullable: false, help });

export const numberOrNone = (help: string) =>
  param(z.number().nullable().default(null), { type: 'number', default: null, nullable: true, help });

export const integerOrNone = (help: string, starter?: string) =>
  param(z.int().nullable().default(null), { type: 'integer', default: null, nullable: true, help, ...withStarter(starter) });

export const flag = (def: boolean, help: string) =>
  param(z.boolean().default(def), { type: 'boolean', default: def, nullable: false, help });

export const choice = <const T extends readonly [string, ...string[]]>(options: T, def: T[number], help: string) =>
  param(z.enum(options).default(def as never), { type: 'choice', default: def, nullable: false, options, help });

export const numbers = (help: string, starter?: string) => param(z.array(z.number()), { type: 'number[]', nullable: false, help, ...withStarter(starter) });

export const integers = (help: string, starter?: string) => param(z.array(z.int()), { type: 'integer[]', nullable: false, help, ...withStarter(starter) });

/** TensorFlow computes in the dtype of the initial learning rate: float32 for a Python float. */
export const dtype = () =>
  choice(['float32', 'float64'] as const, 'float32', 'float32 as TensorFlow does with a Python float learning rate; float64 for an np.float64 one');

export type Shape = Record<string, Param<z.ZodType>>;
export type SchemaShape<P extends Shape> = { [K in keyof P]: P[K]['schema'] };

export function schemaShape<P extends Shape>(params: P): SchemaShape<P> {
  const out: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(params)) out[name] = p.schema;
  return out as SchemaShape<P>;
}

export function paramInfos(params: Shape): ParamInfo[] {
  return Object.entries(params).map(([name, p]) => ({ name, ...p.info }));
}
