// What the run view remembers for every run alike (smoothing, log scales, the outlier toggle, the
// ticked metrics), kept with the view's other settings in the database (lib/settings-store).
import type { MetricSummary } from '../../src-shared/api/types';
import { DEFAULT_SMOOTHING } from '../../src-shared/series/smoothing';
import { MAX_SMOOTHING } from '../charts/format';
import { namesOr, setViewSetting, settingOr } from '../lib/settings-store.svelte';
import { defaultSelection } from './run-chart-model';

export interface RunDisplay {
  smoothing: number;
  logLr: boolean;
  logLoss: boolean;
  ignoreOutliers: boolean;
}

/** Reactive: read it in a $derived. */
export function runDisplay(): RunDisplay {
  return {
    smoothing: Math.min(MAX_SMOOTHING, settingOr('run', 'smoothing', DEFAULT_SMOOTHING, (v) => v >= 0)),
    logLr: settingOr('run', 'logLr', false),
    logLoss: settingOr('run', 'logLoss', false),
    ignoreOutliers: settingOr('run', 'ignoreOutliers', true),
  };
}

export function setRunDisplay<K extends keyof RunDisplay>(key: K, value: RunDisplay[K]): void {
  setViewSetting('run', key, value);
}

/**
 * The ticked metrics: the remembered ones this run has; the loss-like ones by default, or when
 * the run has none of the remembered ones (they were another run's). Nothing ticked stays so.
 */
export function visibleMetrics(metrics: readonly MetricSummary[]): string[] {
  const saved = namesOr('run', 'metrics', null);
  if (saved === null) return defaultSelection(metrics);
  if (saved.length === 0) return [];
  const mine = saved.filter((n) => metrics.some((m) => m.name === n));
  return mine.length ? mine : defaultSelection(metrics);
}

export function setVisibleMetrics(names: string[]): void {
  setViewSetting('run', 'metrics', names);
}
