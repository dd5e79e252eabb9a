/**
 * Did a restart (or a drop) help? For each event step: the loss just before it, the peak loss
 * after it (until the next event), and how many steps it took the loss to get back under the
 * value it had before the event.
 */
export interface RestartImpact {
  step: number;
  /** The last finite loss logged before the event; null when none was. */
  lossBefore: number | null;
  /** The highest finite loss from the event up to the next event (or the end). */
  peakAfter: number | null;
  /** Steps from the event to the first loss under lossBefore; null when it never got back. */
  stepsToRecover: number | null;
}

/** `steps` ascending; `losses` aligned with them; `eventSteps` ascending. */
export function restartImpact(steps: ArrayLike<number>, losses: ArrayLike<number>, eventSteps: readonly number[]): RestartImpact[] {
  const result: RestartImpact[] = [];
  let i = 0; // first point at or after the current event, carried over from the previous event
  for (let e = 0; e < eventSteps.length; e++) {
    const step = eventSteps[e]!;
    const nextEvent = eventSteps[e + 1] ?? Infinity;
    while (i < steps.length && steps[i]! < step) i++;
    let lossBefore: number | null = null;
    for (let j = i - 1; j >= 0; j--) {
      if (Number.isFinite(losses[j]!)) {
        lossBefore = losses[j]!;
        break;
      }
    }
    let peakAfter: number | null = null;
    let stepsToRecover: number | null = null;
    for (let j = i; j < steps.length; j++) {
      const v = losses[j]!;
      if (!Number.isFinite(v)) continue;
      if (steps[j]! < nextEvent && (peakAfter === null || v > peakAfter)) peakAfter = v;
      if (stepsToRecover === null && lossBefore !== null && v < lossBefore) stepsToRecover = steps[j]! - step;
      if (steps[j]! >= nextEvent && stepsToRecover !== null) break;
    }
    result.push({ step, lossBefore, peakAfter, stepsToRecover });
  }
  return result;
}
