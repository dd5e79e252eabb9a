// Designing a schedule for one run (#/designer?run=ID): the run's step range becomes the
// designer's, its logged learning rate is drawn under the candidates, and the active candidate
// is attached to it directly, saved to the library under the run's name.
import type { Series } from '../../src-shared/api/series-types';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { RunDetail } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';
import type { Designer } from './designer.svelte';

/** Enough points to see the logged rate's shape under a 1,000-pixel chart. */
const LOGGED_POINTS = 4000;

export class RunContext {
  run = $state.raw<RunDetail | null>(null);
  logged = $state.raw<{ name: string; series: Series } | null>(null);
  error = $state<string | null>(null);
  private request = 0;

  async load(runId: number | undefined, designer: Designer): Promise<void> {
    const id = ++this.request;
    this.run = null;
    this.logged = null;
    if (runId === undefined) return;
    try {
      const run = await api['runs.get']({ id: runId });
      const lr = run.metrics.find((m) => m.role === 'lr');
      const ranged = [lr, ...run.metrics.filter((m) => m.role === 'loss'), ...run.metrics].find((m) => m && m.stepMin !== null && m.stepMax !== null);
      const logged = lr ? seriesFromJson(await api['series.get']({ runId, metric: lr.name, maxPoints: LOGGED_POINTS })) : null;
      if (id !== this.request) return;
      if (ranged) designer.setRangeText(String(Math.max(0, Math.floor(ranged.stepMin!))), String(Math.max(Math.ceil(ranged.stepMax!), Math.floor(ranged.stepMin!) + 1)));
      this.run = run;
      this.logged = lr && logged ? { name: lr.name, series: logged } : null;
      this.error = null;
    } catch (err) {
      if (id === this.request) this.error = errorMessage(err);
    }
  }
}

/** The run's name, or the first "name (n)" the library does not have yet (names are unique there). */
export function libraryName(runName: string, taken: readonly string[]): string {
  if (!taken.includes(runName)) return runName;
  for (let n = 2; ; n++) if (!taken.includes(`${runName} (${n})`)) return `${runName} (${n})`;
}
