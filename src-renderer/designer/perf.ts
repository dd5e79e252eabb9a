// Keystroke → drawn timing, read by bench/designer.bench.ts through performance.getEntriesByName.
// A mark when a form field changes; a measure when the chart's next draw ends. Cheap enough to
// leave on: two performance entries per keystroke, cleared as they are made.
export const KEYSTROKE_MARK = 'lrscope:designer-keystroke';
export const KEYSTROKE_MEASURE = 'lrscope:designer-keystroke-to-draw';
export const EVALUATE_MEASURE = 'lrscope:designer-evaluate';

let pending = false;

export function keystroke(): void {
  performance.mark(KEYSTROKE_MARK);
  pending = true;
}

export function drawn(): void {
  if (!pending) return;
  pending = false;
  performance.measure(KEYSTROKE_MEASURE, KEYSTROKE_MARK);
  performance.clearMarks(KEYSTROKE_MARK);
}

/** Times `fn` as one evaluate entry (only while a keystroke is pending, to keep the buffer small). */
export function timedEvaluate<T>(fn: () => T): T {
  if (!pending) return fn();
  const start = performance.now();
  const out = fn();
  performance.measure(EVALUATE_MEASURE, { start, end: performance.now() });
  return out;
}
