// The series shapes that cross the process boundary: a metric's points, columnar and
// downsampled. Pure types: the renderer imports this file (see series-json.ts for the codec).
import type { ParsedInput } from './contract';

/** The step range and point budget of series.get (declared by the contract). */
export type SeriesQuery = Omit<ParsedInput<'series.get'>, 'runId' | 'metric'>;

/**
 * A metric's points, columnar. `exact` = every point in the range; otherwise each index is a
 * bucket of consecutive points: `steps`/`values` are its first point, `min`/`max` the extremes of
 * its non-NaN values (±Infinity included, so a spike is never lost) and `nanCounts` how many NaN
 * points it holds (so a divergence is never lost either). NaN in min/max = the bucket is all NaN.
 *
 * Typed arrays survive structured clone (IPC) as they are. JSON cannot carry NaN or ±Infinity
 * nor typed arrays: HTTP uses `seriesToJson`/`seriesFromJson` (series-json.ts).
 */
export interface Series {
  steps: Float64Array;
  values: Float64Array;
  min?: Float64Array;
  max?: Float64Array;
  nanCounts?: Float64Array;
  exact: boolean;
}

/** A number as JSON can carry it: non-finite values become these strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface SeriesJson {
  steps: number[];
  values: JsonNumber[];
  min?: JsonNumber[];
  max?: JsonNumber[];
  nanCounts?: number[];
  exact: boolean;
}
