import { describe, expect, it } from 'vitest';
import { cursorValues } from './cursor-values';

describe('values at the cursor', () => {
  const chart = {
    x: [0, 5, 10, 15],
    series: [
      { label: 'a', color: 'red', values: [1, undefined, 0.5, undefined] },
      { label: 'a (raw)', color: 'red', values: [1, undefined, 0.4, undefined], faint: true },
      { label: 'b', color: 'blue', values: [undefined, 2, null, 1.5] },
    ],
  };

  it("gives each drawn line's value at or before the cursor, skipping faint raw lines", () => {
    expect(cursorValues(chart, 12)).toEqual([
      { label: 'a', color: 'red', value: 0.5 },
      { label: 'b', color: 'blue', value: null }, // a NaN gap at 10: said as no value
    ]);
    expect(cursorValues(chart, 16)).toEqual([
      { label: 'a', color: 'red', value: 0.5 },
      { label: 'b', color: 'blue', value: 1.5 },
    ]);
  });

  it('says nothing before the first point', () => {
    expect(cursorValues(chart, -1).map((v) => v.value)).toEqual([null, null]);
  });
});
