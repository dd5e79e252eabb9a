import { describe, expect, it, vi } from 'vitest';
import { chartDrawn, onDrawn, type DrawnChart } from './drawn';

const chart = { emphasis: null } as unknown as DrawnChart;

describe('the chart owner\'s drawn event', () => {
  it('builds no description while nobody listens', () => {
    const describeDraw = vi.fn(() => chart);
    chartDrawn(describeDraw);
    expect(describeDraw).not.toHaveBeenCalled();
  });

  it('hands each listener the draw until it unsubscribes', () => {
    const seen: DrawnChart[] = [];
    const stop = onDrawn((c) => seen.push(c));
    const describeDraw = vi.fn(() => chart);
    chartDrawn(describeDraw);
    stop();
    chartDrawn(describeDraw);
    expect(seen).toEqual([chart]);
    expect(describeDraw).toHaveBeenCalledTimes(1);
  });
});
