// Step → x for each run of the grid on the chosen axis: the run's epoch or clock metric, read
// once whole (thinned; the mapping interpolates between its points) when the axis is chosen.
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { MetricRole } from '../../src-shared/api/types';
import { apiWith } from '../lib/api';
import { Loader } from '../lib/loader.svelte';
import type { StepToX } from '../compare/align';
import { axisMetricOf, stepToAxis, type XAxis } from './x-axis';

export interface AxisRun {
  runId: number;
  metrics: readonly { name: string; role: MetricRole }[];
}

/** Points of the axis metric read for the mapping: plenty for a smooth clock or epoch. */
const AXIS_POINTS = 5000;

interface Axis {
  axis: XAxis;
  /** Per run: its mapping, or null when the run logged nothing for this axis. Empty for step. */
  mappings: Record<number, StepToX | null>;
}

async function readAxis({ axis, runs }: { axis: XAxis; runs: readonly AxisRun[] }, signal: AbortSignal): Promise<Axis> {
  if (axis === 'step') return { axis, mappings: {} };
  const api = apiWith(signal);
  const entries = await Promise.all(
    runs.map(async (run) => {
      const metric = axisMetricOf(axis, run.metrics);
      if (!metric) return [run.runId, null] as const;
      const json = await api['series.get']({ runId: run.runId, metric, maxPoints: AXIS_POINTS });
      return [run.runId, stepToAxis(axis, seriesFromJson(json))] as const;
    }),
  );
  return { axis, mappings: Object.fromEntries(entries) };
}

export class AxisData {
  private readonly loader = new Loader(readAxis);

  get mappings(): Record<number, StepToX | null> {
    return this.loader.value?.mappings ?? {};
  }
  get axis(): XAxis {
    return this.loader.value?.axis ?? 'step';
  }
  get error(): string | null {
    return this.loader.error;
  }

  async load(axis: XAxis, runs: readonly AxisRun[]): Promise<void> {
    await this.loader.load({ axis, runs });
  }

  cancel(): void {
    this.loader.cancel();
  }
}
