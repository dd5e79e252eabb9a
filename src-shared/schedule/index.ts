// The schedule engine's public API. Pure: no node:*, no DOM, no electron.
export { ScheduleSpec, TorchChildSpec, SPEC_VERSION, SEQUENTIAL_CHILD_KINDS } from './spec';
export type { ScheduleSpecInput, ScheduleKind, SpecOf, WarmupSpec, SequentialLRSpec } from './spec';
export { parseSpec, formatErrors } from './validate';
export type { SpecError, ParseResult } from './validate';
export { evaluate, evaluateAt, preview, acceptsNegativeSteps } from './evaluate';
export { events, EVENT_WORDS, eventName, isRateJump } from './events';
export type { ScheduleEvent, EventKind } from './curve';
export { describeStep } from './describe';
export { isStepped } from './compile';
export { listKinds } from './kinds';
export type { KindInfo, Group } from './define';
export type { ParamInfo, ParamType } from './params';
export { PRESETS, SEED_PRESETS, HF_PRESETS, hfScheduleSpec } from './presets';
export type { Preset, HfSchedulerName, HfOptions } from './presets';
