// Series colours readable on the chart's background: WCAG 2.1 relative luminance and contrast
// ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio); graphics need 3:1 against what is
// next to them (success criterion 1.4.11, non-text contrast). A colour below that is moved in
// lightness (its hue kept, so a run is still recognisable by colour) until it reaches it.

export const MIN_GRAPHIC_CONTRAST = 3;

export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#171a21';

/** The chart background (the panel's colour in theme.css) the colours are checked against. */
export const chartBackground = (dark: boolean) => (dark ? DARK_BACKGROUND : LIGHT_BACKGROUND);

function channels(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const ca = channels(a);
  const cb = channels(b);
  if (!ca || !cb) return NaN;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;

/** The colour, or the nearest one towards white (dark background) or black (light) that reaches 3:1. */
export function readable(color: string, background: string): string {
  const c = channels(color);
  const bg = channels(background);
  if (!c || !bg || contrast(color, background) >= MIN_GRAPHIC_CONTRAST) return color;
  const towards = luminance(bg) < 0.5 ? 255 : 0;
  for (let t = 0.05; t <= 1.0001; t += 0.05) {
    const mixed = hex(c.map((v) => v + (towards - v) * t) as [number, number, number]);
    if (contrast(mixed, background) >= MIN_GRAPHIC_CONTRAST) return mixed;
  }
  return towards ? '#ffffff' : '#000000';
}
