// Where the marks' labels go. A label is written along its line (rotated), beside it: to the
// right, or to the left where the right would leave the plot. A label that would overlap one
// already placed goes below it (stacked along the line, a few deep) instead of being dropped, so
// a restart at step 1500 in one run and a drop at 1501 in another both stay readable, on screen
// and in the exported PNG. Everything stays inside the plot; what cannot fit is shortened
// ("drop 12"), and only then left out (the line stays).

export interface LabelRequest {
  /** The line's x, in canvas pixels. */
  x: number;
  text: string;
  /** The short form ("restart 3"), used when the full one does not fit. */
  short: string;
  color: string;
}

export interface PlacedLabel extends LabelRequest {
  /** Left edge of the label's box (canvas pixels); the box is `thickness` wide. */
  boxX: number;
  /** Top of the label's box; the text runs down from it. */
  y: number;
  /** Length of the text along the line. */
  length: number;
  /** The text actually written (full or short). */
  shown: string;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** How many labels may stack along one line before the rest are left out. */
export const MAX_STACK = 3;

/**
 * Places the labels in order (by x). `measure` gives a text's length in canvas pixels;
 * `thickness` is the label box's width across the line (the text height), `gap` the spacing.
 */
export function layoutLabels(requests: readonly LabelRequest[], box: Box, measure: (text: string) => number, thickness: number, gap: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  for (const r of requests) {
    // Beside the line, on the side that stays inside the plot.
    const boxX = r.x + gap + thickness <= right ? r.x + gap : r.x - gap - thickness;
    if (boxX < box.left) continue;
    // Requests come in x order: only the last few placed can be beside this one (10,000 marks stay cheap).
    const near: PlacedLabel[] = [];
    for (let i = placed.length - 1; i >= 0 && placed[i]!.x >= r.x - 2 * (thickness + 2 * gap); i--) {
      const p = placed[i]!;
      if (p.boxX < boxX + thickness + gap && boxX < p.boxX + thickness + gap) near.push(p);
    }
    if (near.length >= MAX_STACK) continue;
    for (const text of [r.text, r.short]) {
      const length = measure(text);
      const y = firstFreeY(near, box.top + gap, length, gap);
      if (y + length <= bottom - gap) {
        placed.push({ ...r, boxX, y, length, shown: text });
        break;
      }
    }
  }
  return placed;
}

/** The highest y from `start` where [y, y + length] overlaps none of `near` (vertically). */
function firstFreeY(near: readonly PlacedLabel[], start: number, length: number, gap: number): number {
  let y = start;
  for (let moved = true; moved; ) {
    moved = false;
    for (const p of near) {
      if (y < p.y + p.length + gap && p.y < y + length + gap) {
        y = p.y + p.length + gap;
        moved = true;
      }
    }
  }
  return y;
}
