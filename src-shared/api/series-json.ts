// JSON for a Series: JSON.stringify would turn NaN and ±Infinity into null (indistinguishable from
// "no value"), so they travel as the strings 'NaN', 'Infinity' and '-Infinity'.
import type { JsonNumber, Series, SeriesJson } from './series-types';

export function toJsonNumber(v: number): JsonNumber {
  return Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

export function fromJsonNumber(v: JsonNumber): number {
  return typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
}

function toJsonNumbers(values: Float64Array): JsonNumber[] {
  const out: JsonNumber[] = new Array<JsonNumber>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  }
  return out;
}

function fromJsonNumbers(values: readonly JsonNumber[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
  }
  return out;
}

export function seriesToJson(series: Series): SeriesJson {
  return {
    steps: Array.from(series.steps),
    values: toJsonNumbers(series.values),
    ...(series.min ? { min: toJsonNumbers(series.min) } : {}),
    ...(series.max ? { max: toJsonNumbers(series.max) } : {}),
    ...(series.nanCounts ? { nanCounts: Array.from(series.nanCounts) } : {}),
    exact: series.exact,
  };
}

export function seriesFromJson(json: SeriesJson): Series {
  return {
    steps: Float64Array.from(json.steps),
    values: fromJsonNumbers(json.values),
    ...(json.min ? { min: fromJsonNumbers(json.min) } : {}),
    ...(json.max ? { max: fromJsonNumbers(json.max) } : {}),
    ...(json.nanCounts ? { nanCounts: Float64Array.from(json.nanCounts) } : {}),
    exact: json.exact,
  };
}
