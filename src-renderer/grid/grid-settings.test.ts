import { describe, expect, it } from 'vitest';
import { defaultGridSettings, readGridSettings } from './grid-settings';

describe('readGridSettings', () => {
  it('keeps what is well formed', () => {
    const s = { filter: '^val', pinned: ['loss'], collapsed: ['train'], size: 'large', smoothing: 0.3 };
    expect(readGridSettings(s)).toEqual(s);
  });
  it('puts anything odd back to its default', () => {
    expect(readGridSettings({ filter: 3, pinned: [1], size: 'huge', smoothing: 7, xAxis: 'minutes' })).toEqual(defaultGridSettings());
    expect(readGridSettings(null)).toEqual(defaultGridSettings());
  });
});
