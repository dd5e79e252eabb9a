// A run's clock: the wall time at each step, kept as a metric with the role 'clock' so that the
// wall-time and relative-time x axes can place every metric of the run (src-renderer/grid/x-axis.ts).
// TensorBoard stamps every event with wall_time and MLflow every metric line with a timestamp;
// neither is a column the user sees, so the importer adds the series itself. The watcher
// (src-main/watch) applies the same rule, with the same state kept between its reads.

/** The clock series of an event-file run: TensorBoard's own name for the event's time (seconds). */
export const TENSORBOARD_CLOCK = 'wall_time';
/** The clock series of an MLflow run: the metric files' first column (milliseconds since 1970). */
export const MLFLOW_CLOCK = 'timestamp';

/** What the rule remembers between reads (JSON: the watcher stores it with its read offsets). */
export interface StepClockState {
  /** The highest step given a clock point so far; null before the first. */
  step: number | null;
}

/**
 * One clock point per step, the first event's, taken when a step higher than every step before
 * appears. A step that goes back adds none: Lightning logs its validation batch index as the step
 * of val_*_step tags between training steps, and such a counter must not bend the run's clock
 * (nor count as a resume). One number of state, whatever the log's length.
 */
export function takeClockPoint(state: StepClockState, step: number): boolean {
  if (state.step !== null && step <= state.step) return false;
  state.step = step;
  return true;
}

export function newClockState(): StepClockState {
  return { step: null };
}

/**
 * The MLflow metric file whose timestamps become the clock: the first in name order, so that an
 * import and a followed run pick the same one (each file is its own metric's timeline; merging
 * them would depend on the order the lines were read in).
 */
export function mlflowClockFile(metricFiles: readonly string[]): string | undefined {
  return metricFiles[0];
}
