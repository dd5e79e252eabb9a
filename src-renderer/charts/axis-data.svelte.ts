// Step → x for each run of the grid on the chosen axis: the run's epoch or clock metric, read
// once whole (thinned; the mapping interpolates between its points) when the axis is chosen.
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { MetricRole } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';
import type { StepToX } from '../compare/align';
import { axisMetricOf, stepToAxis, type XAxis } from './x-axis';

export interface AxisRun {
  runId: number;
  metrics: readonly { name: string; role: MetricRole }[];
}

/** Points of the axis metric read for the mapping: plenty for a smooth clock or epoch. */
const AXIS_POINTS = 5000;

export class AxisData {
  /** Per run: its mapping, or null when the run logged nothing for this axis. Empty for step. */
  mappings = $state.raw<Record<number, StepToX | null>>({});
  axis = $state<XAxis>('step');
  error = $state<string | null>(null);
  private request = 0;

  async load(axis: XAxis, runs: readonly AxisRun[]): Promise<void> {
    const id = ++this.request;
    if (axis === 'step') {
      this.mappings = {};
      this.axis = axis;
      return;
    }
    try {
      const entries = await Promise.all(
        runs.map(async (run) => {
          const metric = axisMetricOf(axis, run.metrics);
          if (!metric) return [run.runId, null] as const;
          const json = await api['series.get']({ runId: run.runId, metric, maxPoints: AXIS_POINTS });
          return [run.runId, stepToAxis(axis, seriesFromJson(json))] as const;
        }),
      );
      if (id !== this.request) return;
      this.mappings = Object.fromEntries(entries);
      this.axis = axis;
      this.error = null;
    } catch (err) {
      if (id === this.request) this.error = errorMessage(err);
    }
  }
}
