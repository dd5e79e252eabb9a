// Timings read from the page's user timing marks (src-renderer/perf.ts, on in every bench page
// through newBenchPage): from a user action (a `lrscope:<event>` mark, made in the capture phase
// before the app's own handlers run) to the chart draw that shows what the action asked for
// (a `lrscope:drawn` mark, made at the end of the chart's uPlot draw).
import type { Page } from '@playwright/test';

export type Action = 'click' | 'input' | 'change' | 'mouseup' | 'mouseover';

/**
 * Which draw of a chart ends the timing, the first after the action that:
 * - `any`: is a draw;
 * - `data`: has points;
 * - `new-range`: has points over another x range than the chart's last draw before the action
 *   (a zoom's re-fetch, not the zoom's instant redraw of the points already there);
 * - `new-emphasis`: highlights another series group than before the action (a legend hover);
 * - `latest`: shows what the chart's latest draw shows (same range, points and highlight; ask
 *   once the page has settled);
 * - `{ range }`: has data from x `from` to `to` (`"from-to"`).
 */
export type Until = 'any' | 'data' | 'new-range' | 'new-emphasis' | 'latest' | { range: string };

export interface DrawnWait {
  /** The chart's data-testid. */
  chart: string;
  until: Until;
}

/** Milliseconds from the last `action` to the latest of the awaited draws (waits for all of them). */
export async function actionToDrawn(page: Page, action: Action, waits: DrawnWait[], timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    ([actionMark, ws]) => {
      interface Drawn { chart: string; range: string; points: number; emphasis: string | null }
      const acts = performance.getEntriesByName(actionMark, 'mark');
      const act = acts[acts.length - 1];
      if (!act) return null;
      const draws = performance.getEntriesByName('lrscope:drawn', 'mark') as PerformanceMark[];
      let end = act.startTime;
      for (const w of ws) {
        const mine = draws.filter((m) => (m.detail as Drawn).chart === w.chart);
        const before = mine.filter((m) => m.startTime < act.startTime).pop()?.detail as Drawn | undefined;
        const after = mine.filter((m) => m.startTime >= act.startTime);
        const latest = after[after.length - 1]?.detail as Drawn | undefined;
        const hit = after.find(({ detail }) => {
          const d = detail as Drawn;
          const u = w.until;
          if (u === 'any') return true;
          if (u === 'data') return d.points > 0;
          if (u === 'new-range') return d.points > 0 && d.range !== before?.range;
          if (u === 'new-emphasis') return d.emphasis !== null && d.emphasis !== (before?.emphasis ?? null);
          if (u === 'latest') return d.range === latest!.range && d.points === latest!.points && d.emphasis === latest!.emphasis;
          return d.range === u.range;
        });
        if (!hit) return null;
        end = Math.max(end, hit.startTime);
      }
      return end - act.startTime;
    },
    [`lrscope:${action}`, waits] as const,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Forgets every timing mark so far (each measured action starts from a clean page). */
export async function clearTimings(page: Page): Promise<void> {
  await page.evaluate(() => performance.clearMarks());
}
