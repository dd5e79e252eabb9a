import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-shared/api/errors';
import { createHandlers, dispatch } from '../api/handlers';
import { openServices, type Services } from './index';
import { writeMetric } from '../import/test-support';

let dir: string;
let s: Services;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-services-'));
  s = openServices(join(dir, 'db.sqlite'), 'browser');
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.96, staircase: true };

describe('runs', () => {
  it('are created, renamed, tagged, annotated and deleted', () => {
    const run = s.runs.create('baseline');
    expect(s.runs.rename(run.id, 'baseline v2').name).toBe('baseline v2');
    expect(s.runs.setTags(run.id, ['sgd', 'sweep']).tags).toEqual(['sgd', 'sweep']);
    expect(s.runs.setNotes(run.id, 'lr too high').notes).toBe('lr too high');
    expect(s.runs.list().map((r) => [r.name, r.tags])).toEqual([['baseline v2', ['sgd', 'sweep']]]);
    s.runs.delete(run.id);
    expect(s.runs.list()).toEqual([]);
    expect(() => s.runs.get(run.id)).toThrow(`run ${run.id} does not exist`);
  });

  it('refuse changes to a run that does not exist, and leave tags untouched', () => {
    expect(() => s.runs.setTags(99, ['x'])).toThrow(ApiError);
    expect(s.db.prepare('SELECT count(*) FROM run_tags').pluck().get()).toBe(0);
  });
});

describe('schedules', () => {
  it('are saved, attached to runs, detached and deleted', () => {
    const a = s.runs.create('a');
    const b = s.runs.create('b');
    const saved = s.schedules.save({ name: 'staircase', spec });
    expect(saved.spec).toEqual({ ...spec, dtype: 'float32' }); // stored with the engine's defaults filled in
    expect(saved.kind).toBe('exponential_decay');
    expect(s.schedules.attach(saved.id, [a.id, b.id])).toEqual({ attached: 2 });
    // The run carries its schedule's spec read back by the engine: views need no second call.
    expect(s.runs.get(a.id).schedule).toEqual({ id: saved.id, name: 'staircase', kind: 'exponential_decay', spec: { ...spec, dtype: 'float32' }, specError: null });
    expect(s.schedules.get(saved.id).runIds).toEqual([a.id, b.id]);
    expect(s.schedules.detach(a.id).schedule).toBeNull();
    expect(s.schedules.list()[0]!.runCount).toBe(1);
  });

  it('refuse deletion while runs use them, unless asked to detach', () => {
    const run = s.runs.create('a');
    const saved = s.schedules.save({ name: 'cosine', spec });
    s.schedules.attach(saved.id, [run.id]);
    expect(() => s.schedules.delete(saved.id, false)).toThrow('schedule "cosine" is attached to 1 run; detach it first');
    expect(s.schedules.list()).toHaveLength(1);
    expect(s.schedules.delete(saved.id, true)).toEqual({ deleted: saved.id, detachedRuns: 1 });
    expect(s.runs.get(run.id).schedule).toBeNull();
  });

  it('attach all or nothing: an unknown run attaches none', () => {
    const run = s.runs.create('a');
    const saved = s.schedules.save({ name: 'x', spec });
    expect(() => s.schedules.attach(saved.id, [run.id, 4242])).toThrow('run 4242 does not exist');
    expect(s.runs.get(run.id).schedule).toBeNull();
  });

  it('refuse a second schedule with the same name', () => {
    s.schedules.save({ name: 'x', spec });
    expect(() => s.schedules.save({ name: 'x', spec })).toThrow('a schedule named "x" already exists');
  });
});

describe('dispatch', () => {
  it('turns validation failures and missing rows into error bodies with HTTP statuses', async () => {
    const handlers = createHandlers(s);
    expect(await dispatch(handlers, 'runs.get', { id: -1 })).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'runs.get', { id: 7 })).toMatchObject({ ok: false, status: 404, error: { message: 'run 7 does not exist' } });
    const created = await dispatch(handlers, 'runs.create', { name: 'r' });
    expect(created).toMatchObject({ ok: true, value: { name: 'r', tags: [], metrics: [] } });
  });
});

describe('comparisons', () => {
  const settings = { align: 'step' as const, metric: 'loss', smoothing: 0.6, logY: false, showMarks: true };

  it('keep their runs in order with their settings, and lose a deleted run', () => {
    const a = s.runs.create('a');
    const b = s.runs.create('b');
    const saved = s.comparisons.save({ name: 'lr sweep', runIds: [b.id, a.id], settings });
    expect(s.comparisons.get(saved.id)).toMatchObject({ name: 'lr sweep', runIds: [b.id, a.id], settings, runCount: 2 });
    s.runs.delete(b.id);
    expect(s.comparisons.get(saved.id).runIds).toEqual([a.id]);
  });

  it('save all or nothing: an unknown run saves nothing', () => {
    expect(() => s.comparisons.save({ name: 'x', runIds: [999], settings })).toThrow('run 999 does not exist');
    expect(s.comparisons.list()).toEqual([]);
  });
});

describe('schedule specs', () => {
  it('are validated by the engine, naming the field and the rule, and nothing is saved', () => {
    expect(() => s.schedules.save({ name: 'bad', spec: { ...spec, decay_steps: 0 } })).toThrow('spec.decay_steps: must be > 0');
    expect(() => s.schedules.save({ name: 'bad', spec: { kind: 'no_such_schedule' } })).toThrow(ApiError);
    expect(s.schedules.list()).toEqual([]);
  });
});

describe('a stored schedule spec this version cannot read', () => {
  // An older or hand-edited database: the stored row no longer passes the engine's validation.
  const storeRaw = (id: number, json: string) => s.db.prepare('UPDATE schedules SET spec_json = ? WHERE id = ?').run(json, id);

  it('is an error on the run, naming the schedule and the field, not a silent null', async () => {
    const run = s.runs.create('a');
    const saved = s.schedules.save({ name: 'staircase', spec });
    s.schedules.attach(saved.id, [run.id]);
    storeRaw(saved.id, JSON.stringify({ ...spec, decay_steps: -5 }));
    const attached = s.runs.get(run.id).schedule!;
    expect(attached).toMatchObject({ id: saved.id, name: 'staircase', kind: 'exponential_decay', spec: null });
    expect(attached.specError).toMatch(/^schedule "staircase" cannot be drawn: its stored spec does not parse \(decay_steps: must be > 0\)$/);
    // The same answer through the API both shells call.
    const answer = await dispatch(createHandlers(s), 'runs.get', { id: run.id });
    expect(answer).toMatchObject({ ok: true, value: { schedule: { spec: null, specError: attached.specError } } });
  });

  it('is an error when the stored text is not JSON at all', () => {
    const run = s.runs.create('a');
    const saved = s.schedules.save({ name: 'torn', spec });
    s.schedules.attach(saved.id, [run.id]);
    storeRaw(saved.id, '{"kind": "exponential_decay", ');
    expect(s.runs.get(run.id).schedule).toMatchObject({ spec: null, specError: 'schedule "torn" cannot be drawn: its stored spec is not JSON' });
  });
});

describe('series.at (the run view readout)', () => {
  it('answers each metric\'s stored point at or before the step, NaN as stored, through the API', async () => {
    const handlers = createHandlers(s);
    const steps = Float64Array.from({ length: 40_000 }, (_, i) => i * 2);
    const vals = Float64Array.from({ length: 40_000 }, (_, i) => (i === 123 ? NaN : i / 7));
    writeMetric(s.db, steps, vals);
    const runId = s.runs.list()[0]!.id;
    expect(await dispatch(handlers, 'series.at', { runId, metrics: ['loss'], step: 247 })).toEqual({
      ok: true,
      value: [{ metric: 'loss', step: 246, value: 'NaN' }],
    });
    expect(await dispatch(handlers, 'series.at', { runId, metrics: ['loss'], step: 60_001 })).toEqual({
      ok: true,
      value: [{ metric: 'loss', step: 60_000, value: 30_000 / 7 }],
    });
    expect(await dispatch(handlers, 'series.at', { runId, metrics: [], step: 1 })).toMatchObject({ ok: false, status: 400 });
    expect(await dispatch(handlers, 'series.at', { runId, metrics: ['nope'], step: 1 })).toMatchObject({ ok: false, status: 404 });
  });
});
