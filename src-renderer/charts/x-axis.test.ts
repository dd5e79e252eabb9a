import { describe, expect, it } from 'vitest';
import { axisMetricOf, clockMetricOf, formatDuration, isChartMetric, stepToAxis } from './x-axis';

const series = (steps: number[], values: number[]) => ({ steps: Float64Array.from(steps), values: Float64Array.from(values), exact: true });

describe('x axes', () => {
  it('finds the clock and the epoch among a run’s metrics', () => {
    const metrics = [{ name: 'loss', role: 'loss' as const }, { name: 'epoch', role: 'epoch' as const }, { name: 'wall_time', role: 'other' as const }];
    expect(clockMetricOf(metrics)).toBe('wall_time');
    expect(clockMetricOf([{ name: 'train/_timestamp' }])).toBe('train/_timestamp');
    expect(clockMetricOf([{ name: 'runtime_loss' }])).toBeNull();
    expect(axisMetricOf('epoch', metrics)).toBe('epoch');
    expect(axisMetricOf('wall', metrics)).toBe('wall_time');
    expect(axisMetricOf('step', metrics)).toBeNull();
    expect(axisMetricOf('relative', [{ name: 'loss', role: 'loss' }])).toBeUndefined();
  });
  it('prefers the metric stored with the clock role, and never takes W&B’s _runtime (a duration) for the wall clock', () => {
    const wandb = [{ name: '_runtime', role: 'clock' as const }, { name: 'time', role: 'other' as const }, { name: '_timestamp', role: 'clock' as const }];
    expect(clockMetricOf(wandb)).toBe('_timestamp');
    expect(clockMetricOf([{ name: '_runtime', role: 'clock' as const }])).toBeNull();
    expect(isChartMetric({ role: 'clock' })).toBe(false);
    expect(isChartMetric({ role: 'other' })).toBe(true);
  });
  it('maps steps to wall time and relative time by interpolating the logged clock', () => {
    const clock = series([0, 10, 20], [1000, 1010, 1030]);
    expect(stepToAxis('wall', clock)!(15)).toBe(1020);
    expect(stepToAxis('relative', clock)!(20)).toBe(30);
    // MLflow's millisecond timestamps read as seconds.
    expect(stepToAxis('relative', series([0, 10], [1.7e12, 1.7e12 + 5000]))!(10)).toBe(5);
    expect(stepToAxis('wall', null)).toBeNull();
  });
  it('formats durations as TensorBoard reads them', () => {
    expect(formatDuration(4.5)).toBe('4.5 s');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(10930)).toBe('3:02:10');
  });
});
