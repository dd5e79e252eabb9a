// Every series and mark colour of lrscope, as drawn, reaches 3:1 against the chart background in
// both themes (WCAG 1.4.11). The palettes are the ones the views hand to the charts.
import { describe, expect, it } from 'vitest';
import { MARK_COLORS } from '../charts/marks';
import { RUN_COLORS } from '../compare/compare-model';
import { LR_COLOR, PALETTE } from '../run/run-chart-model';
import { contrast, DARK_BACKGROUND, LIGHT_BACKGROUND, MIN_GRAPHIC_CONTRAST, readable } from './contrast';

const ALL = [...new Set([...PALETTE, LR_COLOR, '#868e96', ...RUN_COLORS, ...Object.values(MARK_COLORS)])];

describe('contrast', () => {
  it('computes the WCAG ratio (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each([
    ['light', LIGHT_BACKGROUND],
    ['dark', DARK_BACKGROUND],
  ])('every series and mark colour as drawn on the %s background reaches 3:1', (_name, bg) => {
    const low = ALL.map((c) => [c, contrast(readable(c, bg), bg)] as const).filter(([, r]) => r < MIN_GRAPHIC_CONTRAST);
    expect(low).toEqual([]);
  });

  it('keeps a colour that is already readable, and keeps the hue of one it moves', () => {
    expect(readable('#1f77b4', LIGHT_BACKGROUND)).toBe('#1f77b4');
    const moved = readable('#393b79', DARK_BACKGROUND);
    expect(moved).not.toBe('#393b79');
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(moved.slice(i, i + 2), 16)) as [number, number, number];
    expect(b).toBeGreaterThan(r); // still blue
    expect(b).toBeGreaterThan(g);
  });
});
