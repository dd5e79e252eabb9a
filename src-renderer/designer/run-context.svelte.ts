// Designing a schedule for one run (#/designer?run=ID): the run's step range becomes the
// designer's, its logged learning rate is drawn under the candidates, and the active candidate
// is attached to it directly, saved to the library under the run's name.
import type { Series } from '../../src-shared/api/import-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail } from '../../src-shared/api/types';
import { apiWith } from '../lib/api';
import { Loader } from '../lib/loader.svelte';
import type { Designer } from './designer.svelte';

/** Enough points to see the logged rate's shape under a 1,000-pixel chart. */
const LOGGED_POINTS = 4000;

interface ForRun {
  run: RunDetail;
  logged: { name: string; series: Series } | null;
  /** The run's steps (its lr's, else a loss's, else any metric's), for the designer's range. */
  steps: { from: number; to: number } | null;
}

async function readRun(runId: number, signal: AbortSignal): Promise<ForRun> {
  const api = apiWith(signal);
  const run = await api['runs.get']({ id: runId });
  const lr = run.metrics.find((m) => m.role === 'lr');
  const ranged = [lr, ...run.metrics.filter((m) => m.role === 'loss'), ...run.metrics].find((m) => m && m.stepMin !== null && m.stepMax !== null);
  const logged = lr ? seriesFromJson(await api['series.get']({ runId, metric: lr.name, maxPoints: LOGGED_POINTS })) : null;
  return { run, logged: lr && logged ? { name: lr.name, series: logged } : null, steps: ranged ? { from: ranged.stepMin!, to: ranged.stepMax! } : null };
}

export class RunContext {
  private readonly loader = new Loader(readRun);

  get run(): RunDetail | null {
    return this.loader.value?.run ?? null;
  }
  get logged(): { name: string; series: Series } | null {
    return this.loader.value?.logged ?? null;
  }
  get error(): string | null {
    return this.loader.error;
  }

  /** The route named a run (or none): its range becomes the designer's once it is read. */
  async load(runId: number | undefined, designer: Designer): Promise<void> {
    this.loader.clear();
    if (runId === undefined) return;
    const got = await this.loader.load(runId);
    const steps = got?.steps;
    if (steps) designer.setRangeText(String(Math.max(0, Math.floor(steps.from))), String(Math.max(Math.ceil(steps.to), Math.floor(steps.from) + 1)));
  }

  cancel(): void {
    this.loader.cancel();
  }
}

/** The run's name, or the first "name (n)" the library does not have yet (names are unique there). */
export function libraryName(runName: string, taken: readonly string[]): string {
  if (!taken.includes(runName)) return runName;
  for (let n = 2; ; n++) if (!taken.includes(`${runName} (${n})`)) return `${runName} (${n})`;
}
