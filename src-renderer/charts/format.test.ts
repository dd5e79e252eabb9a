import { describe, expect, it } from 'vitest';
import { formatStep, formatStepTicks } from './format';

describe('step labels (issue 9, item 9)', () => {
  it('thousands separators', () => {
    expect(formatStep(2_999_999)).toBe('2,999,999');
  });
  it('a 3M-step axis: compact ticks with the decimals their spacing needs', () => {
    expect(formatStepTicks([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000])).toEqual(['0', '500k', '1M', '1.5M', '2M', '2.5M', '3M']);
    expect(formatStepTicks([1_000_000, 1_200_000, 1_400_000])).toEqual(['1M', '1.2M', '1.4M']);
    expect(formatStepTicks([1_000_000, 1_050_000, 1_100_000])).toEqual(['1M', '1.05M', '1.1M']);
    expect(formatStepTicks([0, 20_000, 40_000])).toEqual(['0', '20,000', '40,000']);
    // Every tick exact: 1,250,000 is 1.25M, not 1.3M.
    expect(formatStepTicks([0, 250_000, 1_250_000, 2_750_000])).toEqual(['0', '250k', '1.25M', '2.75M']);
  });
});
