// The Node side of the contract: one thin handler per method (validate, call a service, return
// plain data). Both transports (Electron IPC and browser-mode HTTP) call `dispatch`.
import { methodNames, type MethodName, type Output, type ParsedInput } from '../../src-shared/api/contract';
import { ApiError } from '../../src-shared/api/errors';
import type { ApiErrorBody } from '../../src-shared/api/types';
import { parseInput } from '../../src-shared/api/validate';
import type { Services } from '../services';
import type { ImportOrigin } from '../services/imports';
import { retryWhileBusy } from '../import/write-lock';

export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

/** `origin`: what the transport knows of the paths it passes on (browser mode: its uploads). */
export function createHandlers(s: Services, origin: ImportOrigin = {}): Handlers {
  return {
    'app.info': () => s.info,
    'runs.list': () => s.runs.list(),
    'runs.get': ({ id }) => s.runs.get(id),
    'runs.create': ({ name }) => s.runs.create(name),
    'runs.rename': ({ id, name }) => s.runs.rename(id, name),
    'runs.delete': ({ id }) => s.runs.delete(id),
    'runs.setTags': ({ id, tags }) => s.runs.setTags(id, tags),
    'runs.setNotes': ({ id, notes }) => s.runs.setNotes(id, notes),
    'schedules.list': () => s.schedules.list(),
    'schedules.get': ({ id }) => s.schedules.get(id),
    'schedules.save': (input) => s.schedules.save(input),
    'schedules.delete': ({ id, detachRuns }) => s.schedules.delete(id, detachRuns),
    'schedules.attach': ({ scheduleId, runIds }) => s.schedules.attach(scheduleId, runIds),
    'schedules.detach': ({ runId }) => s.schedules.detach(runId),
    'comparisons.list': () => s.comparisons.list(),
    'comparisons.get': ({ id }) => s.comparisons.get(id),
    'comparisons.save': (input) => s.comparisons.save(input),
    'comparisons.delete': ({ id }) => s.comparisons.delete(id),
    'imports.preview': ({ paths, format }) => s.imports.preview(paths, format, origin),
    'imports.start': ({ paths, ...options }) => s.imports.start(paths, options, origin),
    'imports.progress': ({ jobId }) => s.imports.progress(jobId),
    'imports.cancel': ({ jobId }) => s.imports.cancel(jobId),
    'series.get': ({ runId, metric, ...range }) => s.series.get(runId, metric, range),
    'series.stats': ({ runId, metric, ...query }) => s.series.stats(runId, metric, query),
    'series.at': ({ runId, metrics, step }) => s.series.at(runId, metrics, step),
    'schedules.infer': ({ runId, ...options }) => s.intel.infer(runId, options),
    'schedules.drift': ({ runId, ...options }) => s.intel.drift(runId, options),
    'series.restartImpact': ({ runId, metric, ...options }) => s.restarts.impact(runId, metric, options),
    'watch.list': () => s.watch.list(),
    'watch.add': ({ path }) => s.watch.add(path),
    'watch.remove': ({ id }) => s.watch.remove(id),
    'settings.get': ({ view }) => s.viewSettings.get(view),
    'settings.save': ({ view, settings }) => s.viewSettings.save(view, settings),
  };
}

export function isMethodName(name: string): name is MethodName {
  return (methodNames as string[]).includes(name);
}

/** How long a call waits for an import's write lock before answering "conflict". */
const BUSY_WAIT_MS = 2000;

export type DispatchResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiErrorBody };

const STATUS: Record<ApiErrorBody['code'], number> = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** Validates and runs one call; every failure becomes a plain error body, never a thrown object. */
export async function dispatch(handlers: Handlers, name: MethodName, raw: unknown): Promise<DispatchResult> {
  try {
    const input = parseInput(name, raw);
    const handler = handlers[name] as (input: unknown) => unknown;
    // A write that meets an import's lock fails at once (no synchronous busy wait) and is tried
    // again after a nap, so the event loop keeps serving other requests meanwhile.
    return { ok: true, value: await retryWhileBusy(() => handler(input), BUSY_WAIT_MS) };
  } catch (err) {
    const apiError = toApiError(name, err);
    if (apiError.code === 'internal') console.error(err);
    return { ok: false, status: STATUS[apiError.code], error: apiError.toBody() };
  }
}

function toApiError(name: MethodName, err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if ((err as { code?: string }).code === 'SQLITE_BUSY') {
    return new ApiError('conflict', `${name}: the database is busy with an import; try again when it has finished`);
  }
  return new ApiError('internal', `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
}
