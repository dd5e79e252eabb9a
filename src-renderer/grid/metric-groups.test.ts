import { describe, expect, it } from 'vitest';
import { PINNED, sectionOf, sections, tagFilter, UNGROUPED } from './metric-groups';

describe('sectionOf', () => {
  it('takes the part before the first slash, as TensorBoard does', () => {
    expect(sectionOf('train/loss')).toBe('train');
    expect(sectionOf('metrics/mAP50(B)')).toBe('metrics');
    expect(sectionOf('eval/rouge1/f')).toBe('eval');
  });
  it('takes a known split word before an underscore', () => {
    expect(sectionOf('val_loss')).toBe('val');
    expect(sectionOf('eval_wer')).toBe('eval');
    expect(sectionOf('train_loss_step')).toBe('train');
  });
  it('leaves other names ungrouped', () => {
    expect(sectionOf('loss')).toBe(UNGROUPED);
    expect(sectionOf('grad_norm')).toBe(UNGROUPED);
    expect(sectionOf('/odd')).toBe(UNGROUPED);
  });
});

describe('tagFilter', () => {
  it('is a case-insensitive regular expression', () => {
    const f = tagFilter('^VAL');
    expect(f.ok && f.test('val_loss')).toBe(true);
    expect(f.ok && f.test('train_loss')).toBe(false);
  });
  it('says why a pattern is not a regular expression', () => {
    const f = tagFilter('loss(');
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(/^Not a regular expression/);
  });
});

describe('sections', () => {
  const metrics = ['loss', 'val_loss', 'train/acc', 'train/loss', 'val_acc', 'lr'];
  it('groups, pins on top, and keeps ungrouped names last', () => {
    expect(sections(metrics, () => true, ['val_acc'])).toEqual([
      { name: PINNED, metrics: ['val_acc'] },
      { name: 'val', metrics: ['val_loss'] },
      { name: 'train', metrics: ['train/acc', 'train/loss'] },
      { name: UNGROUPED, metrics: ['loss', 'lr'] },
    ]);
  });
  it('filters every section but the pinned one, dropping empty sections', () => {
    const f = tagFilter('acc');
    if (!f.ok) throw new Error('bad');
    expect(sections(metrics, f.test, ['loss'])).toEqual([
      { name: PINNED, metrics: ['loss'] },
      { name: 'train', metrics: ['train/acc'] },
      { name: 'val', metrics: ['val_acc'] },
    ]);
  });
  it('ignores a pin on a metric the run does not have', () => {
    expect(sections(['loss'], () => true, ['gone'])).toEqual([{ name: UNGROUPED, metrics: ['loss'] }]);
  });
});
