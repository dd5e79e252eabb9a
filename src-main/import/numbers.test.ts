import { describe, expect, it } from 'vitest';
import { MISSING, NUMBER, NumberReader, TEXT } from './numbers';

function read(text: string): { value: number; kind: number } {
  const reader = new NumberReader();
  const b = Buffer.from(text);
  const value = reader.read(b, 0, b.length);
  return { value, kind: reader.kind };
}

describe('NumberReader', () => {
  it('reads every decimal exactly as Number() does (fast paths included)', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const texts: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = random() * 10 ** Math.floor(random() * 14 - 9);
      texts.push(String(x), String(-x), x.toPrecision(17), x.toPrecision(19), x.toFixed(6), String(Math.fround(x)), x.toExponential(16));
      let digits = '0.';
      for (let j = 0; j < 17; j++) digits += Math.floor(random() * 10);
      texts.push(digits, `9${digits.slice(1)}`);
    }
    const wrong = texts.filter((t) => !Object.is(read(t).value, Number(t)));
    expect(wrong).toEqual([]);
  });

  it('reads NaN and infinities as numbers, missing markers as missing, words as text', () => {
    expect(read('nan')).toEqual({ value: NaN, kind: NUMBER });
    expect(read(' -inf ')).toEqual({ value: -Infinity, kind: NUMBER });
    expect(read('Infinity')).toEqual({ value: Infinity, kind: NUMBER });
    for (const m of ['', '  ', '_', 'None', 'NA']) expect(read(m).kind).toBe(MISSING);
    for (const t of ['17:02:42', 'train', '0x10', '1e', '--1']) expect(read(t).kind).toBe(TEXT);
    expect(read('  1.5\r')).toEqual({ value: 1.5, kind: NUMBER });
  });
});
