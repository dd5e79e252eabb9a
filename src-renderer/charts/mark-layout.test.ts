import { describe, expect, it } from 'vitest';
import { layoutLabels, MAX_STACK, type PlacedLabel } from './mark-layout';

const box = { left: 50, top: 10, width: 800, height: 300 };
const measure = (t: string) => t.length * 6;
const req = (x: number, text: string, color = '#000') => ({ x, text, short: text.split(' · ')[0]!, color });
const overlap = (a: PlacedLabel, b: PlacedLabel) =>
  a.boxX < b.boxX + 13 && b.boxX < a.boxX + 13 && a.y < b.y + b.length && b.y < a.y + a.length;
const inside = (p: PlacedLabel) => p.boxX >= box.left && p.boxX + 13 <= box.left + box.width && p.y >= box.top && p.y + p.length <= box.top + box.height;

describe('mark labels (issue 9, item 8)', () => {
  it('two marks a pixel apart (a restart at 1500 in one run, a drop at 1501 in another) both get a label, stacked', () => {
    const placed = layoutLabels([req(400, 'restart 1 · lr 0.01 → 0.1', '#1f77b4'), req(401, 'drop 3 · lr 0.05 → 0.025', '#d62728')], box, measure, 13, 3);
    expect(placed.map((p) => p.shown.split(' · ')[0])).toEqual(['restart 1', 'drop 3']);
    expect(overlap(placed[0]!, placed[1]!)).toBe(false);
    expect(placed.every(inside)).toBe(true);
  });

  it('a label at the right edge goes to the left of its line, inside the plot', () => {
    const [p] = layoutLabels([req(849, 'drop 9 · lr 0.001 → 0.0001')], box, measure, 13, 3);
    expect(p!.boxX + 13).toBeLessThanOrEqual(850);
    expect(p!.boxX).toBeLessThan(849);
    expect(inside(p!)).toBe(true);
  });

  it('too long for the plot: the short form; stacks stop at a few deep', () => {
    const long = 'restart 12 · lr 0.000123456 → 0.123456789 ' + 'x'.repeat(60);
    const [p] = layoutLabels([req(300, long)], box, measure, 13, 3);
    expect(p!.shown).toBe('restart 12');
    const many = layoutLabels(Array.from({ length: 10 }, (_, i) => req(500 + i * 0.2, `drop ${i}`)), box, measure, 13, 3);
    expect(many.length).toBe(MAX_STACK);
    for (let i = 0; i < many.length; i++) for (let j = i + 1; j < many.length; j++) expect(overlap(many[i]!, many[j]!)).toBe(false);
  });
});
