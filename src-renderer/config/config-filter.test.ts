import { describe, expect, it } from 'vitest';
import { configTerm, matchesConfig } from './config-filter';

describe('config filter', () => {
  const params = { 'schedule.params.max_lr': '0.2', 'optimizer.type': 'SGD', seed: '3', 'tags/mlflow.user': 'Ann' };
  it('reads key=value', () => {
    expect(configTerm('lr = 0.1')).toEqual({ key: 'lr', value: '0.1' });
    expect(configTerm('sgd.*cos')).toBeNull();
  });
  it('matches a whole key or the last part of a dotted key, numbers by value', () => {
    expect(matchesConfig(params, configTerm('max_lr=0.20')!)).toBe(true);
    expect(matchesConfig(params, configTerm('schedule.params.max_lr=2e-1')!)).toBe(true);
    expect(matchesConfig(params, configTerm('type=sgd')!)).toBe(true);
    expect(matchesConfig(params, configTerm('mlflow.user=ann')!)).toBe(true);
    expect(matchesConfig(params, configTerm('seed=4')!)).toBe(false);
    expect(matchesConfig(params, configTerm('lr=0.2')!)).toBe(false);
    expect(matchesConfig(undefined, configTerm('seed=3')!)).toBe(false);
  });
  it('an empty value matches an empty setting only', () => {
    expect(matchesConfig({ device: '' }, configTerm('device=')!)).toBe(true);
    expect(matchesConfig({ device: '0' }, configTerm('device=')!)).toBe(false);
  });
});
