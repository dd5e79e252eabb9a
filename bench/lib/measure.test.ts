import { describe, expect, it } from 'vitest';
import { alternate, median, sample, spread, table } from './measure';

describe('bench figures', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('prints the median with the min–max of the same runs', () => {
    expect(spread([691, 471, 752, 600, 700])).toBe('691 ms (471–752)');
    expect(spread([1.234, 1.5, 0.9], 'ms')).toBe('1.23 ms (0.9–1.5)');
  });

  it('drops the warm-up and keeps at least five runs', async () => {
    let calls = 0;
    const xs = await sample(() => calls++);
    expect(calls).toBe(xs.length + 1);
    expect(xs.length).toBeGreaterThanOrEqual(5);
  });

  it('alternates the functions and takes a returned figure as it is', async () => {
    const order: string[] = [];
    const out = await alternate({ a: () => (order.push('a'), 7), b: () => void order.push('b') }, 5, 1);
    expect(order.slice(0, 4)).toEqual(['a', 'b', 'a', 'b']);
    expect(out.a).toEqual([7, 7, 7, 7, 7]);
    expect(out.b).toHaveLength(5);
  });

  it('prints one markdown table, escaping pipes', () => {
    expect(table([{ what: 'a | b', figure: '1 ms (1–1)' }])).toBe(
      '| what | median (min–max) | baseline / ratio | requirement |\n| --- | --- | --- | --- |\n| a \\| b | 1 ms (1–1) | – | – |',
    );
  });
});
