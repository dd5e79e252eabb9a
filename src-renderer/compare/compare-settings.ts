// What a new comparison starts from: the display settings of the last one (alignment or x axis,
// metric, smoothing, log axes, marks, outliers), kept in the database with the compare view's
// other settings (lib/settings-store). A saved comparison opens with its own.
import type { ComparisonSettings } from '../../src-shared/api/types';
import { DEFAULT_SMOOTHING } from '../../src-shared/series/smoothing';
import { MAX_SMOOTHING } from '../charts/format';
import { setViewSetting, settingOr } from '../lib/settings-store.svelte';
import { ALIGN_LABEL, type Align } from './align';

export interface CompareDisplay {
  settings: ComparisonSettings;
  ignoreOutliers: boolean;
}

const isAlign = (v: string): v is Align => v in ALIGN_LABEL;

export function rememberedCompare(): CompareDisplay {
  return {
    settings: {
      align: settingOr<string>('compare', 'align', 'step', isAlign) as Align,
      metric: settingOr('compare', 'metric', ''),
      smoothing: Math.min(MAX_SMOOTHING, settingOr('compare', 'smoothing', DEFAULT_SMOOTHING, (v) => v >= 0)),
      logY: settingOr('compare', 'logY', false),
      logX: settingOr('compare', 'logX', false),
      showMarks: settingOr('compare', 'showMarks', true),
      hiddenRunIds: [],
    },
    ignoreOutliers: settingOr('compare', 'ignoreOutliers', true),
  };
}

export function rememberCompare({ settings: s, ignoreOutliers }: CompareDisplay): void {
  const values = { align: s.align, metric: s.metric, smoothing: s.smoothing, logY: s.logY, logX: s.logX ?? false, showMarks: s.showMarks, ignoreOutliers };
  for (const [key, value] of Object.entries(values)) setViewSetting('compare', key, value);
}
