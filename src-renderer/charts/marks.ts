// The event-marks plugin: vertical lines (or bands) at restarts, drops, warmup ends, phase
// changes, resume points and non-finite values, each with a label. Drawn on the canvas in
// uPlot's `draw` hook so thousands of marks cost one path, not thousands of DOM nodes.
import type uPlot from 'uplot';
import { layoutLabels, type LabelRequest } from './mark-layout';
import type { ChartMark, MarkKind } from './types';

export const MARK_COLORS: Record<MarkKind, string> = {
  restart: '#2f9e44',
  drop: '#862e9c',
  rise: '#e8590c',
  warmup_end: '#1971c2',
  phase: '#1971c2',
  resume: '#495057',
  nonfinite: '#c92a2a',
};

/** Lines of different marks in one pixel column are set this far apart (CSS px), so neither hides the other. */
const LINE_NUDGE = 2;

export interface MarksState {
  marks: ChartMark[];
  /** The highlighted group: marks of other groups are drawn faint. */
  emphasis?: string | null;
  /** Called after each draw with the steps of the marks actually drawn (in the visible x range) and the label texts written. */
  ondrawn: (steps: number[], labels: string[]) => void;
}

export function marksPlugin(state: MarksState): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const min = u.scales.x.min ?? -Infinity;
        const max = u.scales.x.max ?? Infinity;
        const dpr = uPlotPxRatio();
        const drawn: number[] = [];
        // One path per kind, one line per pixel column: 10,000 drops over a 100,000-step range
        // cost as much as the few hundred columns they land on.
        // Keyed by kind, colour and dimming: per-run colours in the compare view add one path per run, not per mark.
        const lines = new Map<string, { kind: MarkKind; color: string; dim: boolean; path: Path2D; lastX: number }>();
        const labels: LabelRequest[] = [];
        // Per pixel column, the line keys drawn there: another kind or run in the same column is nudged aside.
        const columns = new Map<number, string[]>();
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        for (const mark of state.marks) {
          const end = mark.toStep ?? mark.step;
          if (end < min || mark.step > max) continue;
          drawn.push(mark.step);
          const color = mark.color ?? MARK_COLORS[mark.kind];
          const dim = !!state.emphasis && mark.group !== state.emphasis;
          const xAt = Math.round(u.valToPos(mark.step, 'x', true));
          const key = `${mark.kind}|${color}|${dim ? 1 : 0}`;
          const x0 = xAt + nudge(columns, xAt, key) * LINE_NUDGE * dpr;
          if (mark.toStep !== undefined) {
            const x1 = Math.round(u.valToPos(mark.toStep, 'x', true));
            ctx.fillStyle = color;
            ctx.globalAlpha = 0.08;
            ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
            ctx.globalAlpha = 1;
          }
          let line = lines.get(key);
          if (!line) lines.set(key, (line = { kind: mark.kind, color, dim, path: new Path2D(), lastX: -Infinity }));
          if (x0 !== line.lastX) {
            line.path.moveTo(x0 + 0.5, top);
            line.path.lineTo(x0 + 0.5, top + height);
            line.lastX = x0;
          }
          if (mark.label && !dim) labels.push({ x: x0, text: mark.label, short: mark.label.split(' · ')[0]!, color });
        }
        ctx.lineWidth = dpr;
        for (const line of lines.values()) {
          ctx.globalAlpha = line.dim ? 0.12 : 0.55;
          ctx.strokeStyle = line.color;
          ctx.setLineDash(line.kind === 'drop' || line.kind === 'rise' ? [4 * dpr, 3 * dpr] : []);
          ctx.stroke(line.path);
        }
        ctx.globalAlpha = 1;
        ctx.setLineDash([]);
        // uPlot leaves its axis text settings on the context.
        ctx.font = `${11 * dpr}px system-ui, sans-serif`;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        // Many labels: the short form ("drop 12"); the event table and tooltip have the rates.
        const requests = labels.length > 24 ? labels.map((l) => ({ ...l, text: l.short })) : labels;
        const thickness = 13 * dpr;
        const placed = layoutLabels(requests, u.bbox, (t) => ctx.measureText(t).width + 4 * dpr, thickness, 3 * dpr);
        for (const label of placed) {
          // Rotated along the line (reading downwards), in the box the layout gave it.
          ctx.save();
          ctx.translate(label.boxX + thickness, label.y);
          ctx.rotate(Math.PI / 2);
          ctx.fillStyle = 'rgba(255,255,255,0.85)';
          ctx.fillRect(0, 0, label.length, thickness);
          ctx.fillStyle = label.color;
          ctx.fillText(label.shown, 2 * dpr, thickness - 1 * dpr);
          ctx.restore();
        }
        ctx.restore();
        state.ondrawn(drawn, placed.map((l) => l.shown));
      },
    },
  };
}

/** uPlot draws in device pixels (its `pxRatio`); text and line widths follow it. */
function uPlotPxRatio(): number {
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}

/** How many other line keys already hold this pixel column (and its neighbours): the nudge, in steps. */
function nudge(columns: Map<number, string[]>, x: number, key: string): number {
  const here = columns.get(x) ?? [];
  const at = here.indexOf(key);
  if (at >= 0) return at;
  // A line one pixel over would touch this one: count it as the same column.
  const near = [...(columns.get(x - 1) ?? []), ...(columns.get(x + 1) ?? [])].filter((k) => k !== key && !here.includes(k));
  here.push(key);
  columns.set(x, here);
  return here.length - 1 + near.length;
}
